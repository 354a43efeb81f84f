import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { type ClinicSettings, Role, UpdateClinicSettings } from '@plasticity/contracts';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { getClinicSettings, updateClinicSettings } from '../../api/admin.ts';
import { type FieldErrors, fieldErrorsOf } from '../../api/errors.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { roleLabel } from '../../ui/format.ts';
import { issuesToFieldErrors } from '../../ui/forms.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';

function timeZones(current: string): string[] {
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return supported.includes(current) ? supported : [current, ...supported];
}

/** Only the fields that differ from what was loaded. */
function changes(before: ClinicSettings, after: ClinicSettings): Partial<ClinicSettings> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof ClinicSettings)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) out[key] = after[key];
  }
  return out as Partial<ClinicSettings>;
}

export function ClinicSettingsPage() {
  const { refresh } = useAuth();
  const [loaded, setLoaded] = useState<ClinicSettings | null>(null);
  const [values, setValues] = useState<ClinicSettings | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    getClinicSettings(controller.signal).then(
      (s) => {
        setLoaded(s);
        setValues(s);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setFailure(e);
      },
    );
    return () => controller.abort();
  }, []);

  const currentZone = values?.timeZone;
  const zones = useMemo(() => (currentZone ? timeZones(currentZone) : []), [currentZone]);

  if (!values || !loaded) {
    return failure ? <ErrorAlert error={failure} title="Could not load clinic settings" /> : <LoadingState />;
  }

  const set = <K extends keyof ClinicSettings>(key: K, value: ClinicSettings[K]) => {
    setValues({ ...values, [key]: value });
    setSaved(false);
  };

  /** Both fields empty clears the certification; otherwise both are sent and validated. */
  const setCertification = (patch: { certificationId?: string; certifiedOn?: string }) => {
    const next = {
      certificationId: values.remsSettingCertification?.certificationId ?? '',
      certifiedOn: values.remsSettingCertification?.certifiedOn ?? '',
      ...patch,
    };
    set('remsSettingCertification', next.certificationId || next.certifiedOn ? next : null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    const body = changes(loaded, values);
    const check = UpdateClinicSettings.safeParse(body);
    const local = check.success ? {} : issuesToFieldErrors(check.error.issues);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    if (Object.keys(body).length === 0) {
      setSaved(true);
      return;
    }
    setBusy(true);
    try {
      const next = await updateClinicSettings(body);
      setLoaded(next);
      setValues(next);
      setSaved(true);
      // Idle timeout and MFA requirements of the signed-in user may have changed.
      refresh().catch(() => {});
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>Clinic settings</Title>
      <form onSubmit={submit} noValidate aria-label="Clinic settings">
        <Paper withBorder p="md">
          <Stack gap="sm">
            <ErrorAlert error={failure} title="Settings were not saved" />
            {saved && (
              <Alert role="status" color="green" variant="light">
                Settings saved.
              </Alert>
            )}
            <TextInput
              label="Clinic name"
              value={values.name}
              error={errors.name}
              onChange={(e) => set('name', e.currentTarget.value)}
            />
            <NativeSelect
              label="Time zone"
              description="Used for dates and times across the clinic"
              data={zones}
              value={values.timeZone}
              error={errors.timeZone}
              onChange={(e) => set('timeZone', e.currentTarget.value)}
            />
            <Checkbox.Group
              label="Roles that must use two-step verification"
              value={values.mfaRequiredRoles}
              error={errors.mfaRequiredRoles}
              onChange={(v) => set('mfaRequiredRoles', v as ClinicSettings['mfaRequiredRoles'])}
            >
              <Group gap="md" mt={6}>
                {Role.options.map((role) => (
                  <Checkbox key={role} value={role} label={roleLabel(role)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Group grow align="flex-start">
              <NumberInput
                label="Idle timeout (minutes)"
                description="Sign out after this long without activity (1–240)"
                min={1}
                max={240}
                allowDecimal={false}
                value={values.idleTimeoutMin}
                error={errors.idleTimeoutMin}
                onChange={(v) => set('idleTimeoutMin', typeof v === 'number' ? v : Number.NaN)}
              />
              <NumberInput
                label="Session lifetime (hours)"
                description="Sign in again after this long, even when active (1–72)"
                min={1}
                max={72}
                allowDecimal={false}
                value={values.absoluteLifetimeHours}
                error={errors.absoluteLifetimeHours}
                onChange={(v) => set('absoluteLifetimeHours', typeof v === 'number' ? v : Number.NaN)}
              />
            </Group>
            <Checkbox
              label="Let staff hand patients a clinic device to answer forms"
              description="Staff can open a form on a clinic tablet for the patient in front of them. Each form answered this way is recorded as completed on a clinic device, with who handed it over."
              checked={values.clinicDeviceSelfReport}
              onChange={(e) => set('clinicDeviceSelfReport', e.currentTarget.checked)}
            />
            <Group grow align="flex-start">
              <TextInput
                label="SPRAVATO REMS setting certification ID"
                description="Needed before esketamine can be given here"
                value={values.remsSettingCertification?.certificationId ?? ''}
                error={errors['remsSettingCertification.certificationId'] ?? errors.remsSettingCertification}
                onChange={(e) => setCertification({ certificationId: e.currentTarget.value })}
              />
              <TextInput
                label="REMS certification date"
                description="The date the setting was certified"
                type="date"
                value={values.remsSettingCertification?.certifiedOn ?? ''}
                error={errors['remsSettingCertification.certifiedOn']}
                onChange={(e) => setCertification({ certifiedOn: e.currentTarget.value })}
              />
            </Group>
            <Group>
              <Button type="submit" loading={busy}>
                Save settings
              </Button>
            </Group>
          </Stack>
        </Paper>
      </form>
    </Stack>
  );
}
