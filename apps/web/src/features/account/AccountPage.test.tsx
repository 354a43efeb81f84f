import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { apiError } from '../../test/mockApi.ts';
import { renderApp } from '../../test/renderApp.tsx';

describe('account: authenticator enrolment', () => {
  it('shows the QR and secret, confirms a code, then shows the recovery codes once', async () => {
    const me = makeMe('nurse', { mfaEnabled: false, mfaRequired: true });
    let confirmAttempts = 0;
    const { api, user } = await renderApp({
      me,
      path: '/account',
      routes: {
        'POST /api/v1/me/mfa/enrol': {
          body: {
            secret: 'JBSWY3DPEHPK3PXP',
            otpauthUrl: 'otpauth://totp/x',
            qrDataUrl: 'data:image/png;base64,AAAA',
          },
        },
        'POST /api/v1/me/mfa/confirm': () =>
          ++confirmAttempts === 1
            ? apiError(401, 'mfa_invalid')
            : { body: { recoveryCodes: ['aaaa-bbbb', 'cccc-dddd'] } },
      },
    });
    expect(await screen.findByText('Your role requires two-step verification.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Set up authenticator app' }));

    const qr = await screen.findByRole('img', { name: /QR code/ });
    expect(qr.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    expect(screen.getByText('JBSWY3DPEHPK3PXP')).toBeTruthy();

    await user.type(screen.getByLabelText('Authentication code'), '111111');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText(/That code is not valid/)).toBeTruthy();

    await user.clear(screen.getByLabelText('Authentication code'));
    await user.type(screen.getByLabelText('Authentication code'), '222222');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('aaaa-bbbb')).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/me/mfa/confirm').at(-1)?.body).toEqual({ code: '222222' });

    api.on({
      'GET /api/v1/me': { body: { user: { ...me, mfaEnabled: true }, csrfToken: 'csrf-test-token' } },
    });
    const done = screen.getByRole('button', { name: 'Done' });
    expect(done.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'I have saved my recovery codes' }));
    await user.click(done);
    expect(await screen.findByText(/Two-step verification is on\. You will be asked/)).toBeTruthy();
    expect(screen.queryByText('aaaa-bbbb')).toBeNull();
  });
});
