/**
 * The web data layer (TanStack Query): the cache is emptied when a user signs out, mutations report busy
 * state and field errors one way and keep what was typed, and a change refetches the lists it makes stale.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient, makeUser } from '../test/fixtures.ts';
import { apiError, type Reply } from '../test/mockApi.ts';
import { renderApp } from '../test/renderApp.tsx';

const ada = makePatient();
const grace = makePatient({
  id: '00000000-0000-4000-8000-000000000501',
  firstName: 'Grace',
  lastName: 'Hopper',
  mrn: 'MRN-0002',
});

/** A reply the test releases when it chooses, to look at the screen while the request is in flight. */
function deferredReply() {
  let release: (reply: Reply) => void = () => {};
  const reply = new Promise<Reply>((resolve) => {
    release = resolve;
  });
  return { reply, release };
}

describe('web data layer', () => {
  it("does not show the previous user's patients to the next user of the same page, not even briefly", async () => {
    const nurseA = makeMe('nurse', { displayName: 'Nurse A' });
    const nurseB = makeMe('nurse', { id: '00000000-0000-4000-8000-0000000000b2', displayName: 'Nurse B' });
    const { api, user } = await renderApp({
      me: nurseA,
      path: '/patients',
      routes: { 'GET /api/v1/patients': { body: { items: [ada], nextCursor: null } } },
    });
    await screen.findByRole('link', { name: 'Lovelace, Ada' });

    await user.click(screen.getByRole('button', { name: 'Account menu' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Log out' }));
    await screen.findByRole('button', { name: 'Sign in' });

    // Nurse B signs in on the same page; B's list is held back to look at the screen meanwhile.
    const pending = deferredReply();
    let asked = false;
    api.on({
      'POST /api/v1/auth/login': { body: { user: nurseB, csrfToken: 'tok-b' } },
      'GET /api/v1/patients': () => {
        asked = true;
        return pending.reply;
      },
    });
    await user.type(screen.getByLabelText('Email'), 'b@clinic.test');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.click(await screen.findByRole('link', { name: 'Patients' }));

    await waitFor(() => expect(asked).toBe(true));
    expect(screen.queryByText('Lovelace, Ada')).toBeNull();
    expect(screen.queryByText(/MRN-0001/)).toBeNull();

    pending.release({ body: { items: [grace], nextCursor: null } });
    await screen.findByRole('link', { name: 'Hopper, Grace' });
    expect(screen.queryByText('Lovelace, Ada')).toBeNull();
  });

  it('shows a field error from the server beside its field and keeps what was typed', async () => {
    const { user } = await renderApp({
      me: makeMe('admin'),
      path: '/admin/users',
      routes: {
        'GET /api/v1/users': { body: { items: [makeUser(1)] } },
        'POST /api/v1/users/invite': apiError(400, 'validation_failed', 'Invalid request', [
          { field: 'body.email', message: 'is already in use' },
        ]),
      },
    });
    await screen.findByRole('table', { name: 'Staff' });
    await user.click(screen.getByRole('button', { name: 'Invite staff member' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Name'), 'Nina New');
    await user.type(within(dialog).getByLabelText('Email'), 'nina@clinic.test');
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));

    const message = await within(dialog).findByText('is already in use');
    const email = within(dialog).getByLabelText('Email') as HTMLInputElement;
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toContain(message.id);
    expect(email.value).toBe('nina@clinic.test');
    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).value).toBe('Nina New');
  });

  it('disables the submit button while the request is in flight, so it is sent once', async () => {
    const pending = deferredReply();
    const { api, user } = await renderApp({
      me: makeMe('front_desk'),
      path: '/patients',
      routes: {
        'GET /api/v1/patients': { body: { items: [], nextCursor: null } },
        'POST /api/v1/patients': () => pending.reply,
      },
    });
    await user.click(screen.getByRole('button', { name: 'New patient' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'First name' }), 'Mary');
    await user.type(within(dialog).getByRole('textbox', { name: 'Last name' }), 'Shelley');
    fireEvent.change(within(dialog).getByLabelText('Date of birth'), { target: { value: '1950-08-30' } });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Sex' }), 'female');
    const submit = within(dialog).getByRole('button', { name: 'Create patient' }) as HTMLButtonElement;
    await user.click(submit);

    await waitFor(() => expect(submit.disabled).toBe(true));
    fireEvent.click(submit);
    expect(api.callsTo('POST', '/api/v1/patients')).toHaveLength(1);

    pending.release(apiError(503, 'unavailable', 'Try again'));
    await within(dialog).findByText(/temporarily unavailable/);
    expect(submit.disabled).toBe(false);
    expect((within(dialog).getByRole('textbox', { name: 'First name' }) as HTMLInputElement).value).toBe(
      'Mary',
    );
  });

  it('refetches the list after a create (the invitation invalidates the users query)', async () => {
    const invited = makeUser(9, { displayName: 'Nina New', email: 'nina@clinic.test', invitePending: true });
    let users = [makeUser(1)];
    const { api, user } = await renderApp({
      me: makeMe('admin'),
      path: '/admin/users',
      routes: {
        'GET /api/v1/users': () => ({ body: { items: users } }),
        'POST /api/v1/users/invite': () => {
          users = [...users, invited];
          return { body: { user: invited, link: null, expiresAt: '2026-12-01T00:00:00Z' } };
        },
      },
    });
    const table = await screen.findByRole('table', { name: 'Staff' });
    expect(within(table).queryByText('Nina New')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Invite staff member' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Name'), 'Nina New');
    await user.type(within(dialog).getByLabelText('Email'), 'nina@clinic.test');
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));

    expect(
      await within(await screen.findByRole('table', { name: 'Staff' })).findByText('Nina New'),
    ).toBeTruthy();
    expect(api.callsTo('GET', '/api/v1/users')).toHaveLength(2);
  });
});
