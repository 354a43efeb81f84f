import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  normaliseDeaNumber,
  normaliseNpi,
  normaliseTin,
  normaliseUsPhone,
} from '@plasticity/clinical/identifiers';
import { type ClinicSettings, Role, UpdateClinicSettings } from '@plasticity/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { updateClinicSettings } from '../../api/admin.ts';
import type { FieldErrors } from '../../api/errors.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { roleLabel } from '../../ui/format.ts';
import { issuesToFieldErrors } from '../../ui/forms.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { adminKeys, useClinicSettings } from './queries.ts';

const IDENTIFIER_CHECKS = {
  phone: [normaliseUsPhone, 'Enter a US phone number, such as 919-555-0142'],
  deaNumber: [normaliseDeaNumber, 'Not a valid DEA number: two letters and seven digits (check digit last)'],
  npi: [normaliseNpi, 'Not a valid NPI: 10 digits starting with 1 or 2 (check digit last)'],
  tin: [normaliseTin, 'Enter the 9-digit TIN as XX-XXXXXXX'],
} as const;

/** The same checks the server applies (DEA and NPI check digits, TIN layout, US phone), field by field. */
function identifierErrors(body: Partial<ClinicSettings>): FieldErrors {
  const out: FieldErrors = {};
  for (const key of Object.keys(IDENTIFIER_CHECKS) as (keyof typeof IDENTIFIER_CHECKS)[]) {
    const v = body[key];
    if (!v?.trim()) continue;
    const [check, message] = IDENTIFIER_CHECKS[key];
    if (!check(v)) out[key] = message;
  }
  return out;
}

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
  const queries = useQueryClient();
  const settings = useClinicSettings();
  const loaded = settings.data ?? null;
  // The form's values while being edited; null while they are the saved settings.
  const [draft, setValues] = useState<ClinicSettings | null>(null);
  const values = draft ?? loaded;
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [refreshFailure, setRefreshFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const saving = useApiMutation(updateClinicSettings, {
    onSuccess: (next) => {
      queries.setQueryData(adminKeys.settings(), next);
      setValues(null);
    },
  });
  const { busy } = saving;
  const errors = { ...saving.fieldErrors, ...localErrors };
  const failure = settings.error ?? saving.error ?? refreshFailure;

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

  const setAddress = (key: keyof ClinicSettings['address'], value: string) =>
    set('address', { ...values.address, [key]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefreshFailure(null);
    saving.reset();
    setSaved(false);
    const body = changes(loaded, values);
    const check = UpdateClinicSettings.safeParse(body);
    const local = {
      ...(check.success ? {} : issuesToFieldErrors(check.error.issues)),
      ...identifierErrors(body),
    };
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    if (Object.keys(body).length === 0) {
      setSaved(true);
      return;
    }
    if (!(await saving.run(body)).ok) return;
    setSaved(true);
    // Idle timeout and MFA requirements of the signed-in user may have changed; a failed refresh
    // shows as the error of this save (the settings themselves were saved).
    refresh().catch((e: unknown) => setRefreshFailure(e));
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
            <Title order={2} size="h4" mt="sm">
              Printed on documents
            </Title>
            <Text size="sm" c="dimmed">
              Consent PDFs, the REMS form, controlled-substance reports and DEA-106 print these.
            </Text>
            <TextInput
              label="Street address"
              value={values.address.line1}
              error={errors['address.line1']}
              onChange={(e) => setAddress('line1', e.currentTarget.value)}
            />
            <TextInput
              label="Address line 2"
              value={values.address.line2}
              error={errors['address.line2']}
              onChange={(e) => setAddress('line2', e.currentTarget.value)}
            />
            <Group grow align="flex-start">
              <TextInput
                label="City"
                value={values.address.city}
                error={errors['address.city']}
                onChange={(e) => setAddress('city', e.currentTarget.value)}
              />
              <TextInput
                label="State"
                description="Two letters, such as NC"
                maxLength={2}
                value={values.address.state}
                error={errors['address.state']}
                onChange={(e) => setAddress('state', e.currentTarget.value.toUpperCase())}
              />
              <TextInput
                label="ZIP code"
                value={values.address.postalCode}
                error={errors['address.postalCode']}
                onChange={(e) => setAddress('postalCode', e.currentTarget.value)}
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                label="Phone"
                type="tel"
                value={values.phone ?? ''}
                error={errors.phone}
                onChange={(e) => set('phone', e.currentTarget.value)}
              />
              <TextInput
                label="DEA registration number"
                description="Two letters and seven digits"
                value={values.deaNumber ?? ''}
                error={errors.deaNumber}
                onChange={(e) => set('deaNumber', e.currentTarget.value.toUpperCase())}
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                label="NPI"
                description="National Provider Identifier, 10 digits"
                value={values.npi ?? ''}
                error={errors.npi}
                onChange={(e) => set('npi', e.currentTarget.value)}
              />
              <TextInput
                label="Tax identification number (TIN)"
                description="XX-XXXXXXX"
                value={values.tin ?? ''}
                error={errors.tin}
                onChange={(e) => set('tin', e.currentTarget.value)}
              />
            </Group>
            <Title order={2} size="h4" mt="sm">
              Clinic devices
            </Title>
            <Checkbox
              label="Let staff hand patients a clinic device to sign consents"
              description="The patient reads and signs the consent on a clinic tablet in the clinic. Each consent signed this way is recorded as signed on a clinic device, with who handed it over."
              checked={values.clinicDeviceConsent}
              onChange={(e) => set('clinicDeviceConsent', e.currentTarget.checked)}
            />
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
