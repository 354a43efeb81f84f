import { Checkbox, Fieldset, NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';

type Json = Record<string, unknown>;

const BASES = [
  { value: 'actual', label: 'Actual body weight' },
  { value: 'ideal', label: 'Ideal body weight (Devine)' },
  { value: 'adjusted', label: 'Adjusted body weight' },
];

const num = (s: string): number | string => {
  const t = s.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
};
const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};

/**
 * Form fields for the protocol's safety limits (the values every new version carries): mg cap, dosing-weight
 * rule, minimum observation after administration and, for esketamine, the non-US label dose option. They edit
 * the protocol data in place; the server validates each field and names it when it refuses the version.
 */
export function ProtocolSafetyFields({
  protocol,
  onChange,
  errors,
}: {
  protocol: Json;
  onChange: (next: Json) => void;
  errors: Record<string, string>;
}) {
  const dose = obj(protocol.dose);
  const weight = obj(dose.dosingWeight);
  const discharge = obj(protocol.discharge);
  const set = (path: string[], value: unknown) => {
    const next = structuredClone(protocol);
    let o = next;
    for (const k of path.slice(0, -1)) {
      o[k] = obj(o[k]);
      o = o[k] as Json;
    }
    const last = path[path.length - 1] as string;
    if (value === '' || value === undefined) delete o[last];
    else o[last] = value;
    onChange(next);
  };
  const err = (path: string) => errors[`protocol.${path}`];
  return (
    <Fieldset legend="Safety limits" mt="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {dose.kind !== 'flat_range' && (
          <TextInput
            label="Absolute maximum dose (mg)"
            description="Never exceeded, override or not"
            inputMode="decimal"
            value={text(dose.absoluteMaxMg)}
            onChange={(e) => set(['dose', 'absoluteMaxMg'], num(e.currentTarget.value))}
            error={err('dose.absoluteMaxMg')}
          />
        )}
        {dose.kind === 'weight_based' && (
          <>
            <TextInput
              label="Protocol maximum (mg/kg)"
              description="Above it: override and second clinician"
              inputMode="decimal"
              value={text(dose.protocolMaxMgPerKg)}
              onChange={(e) => set(['dose', 'protocolMaxMgPerKg'], num(e.currentTarget.value))}
              error={err('dose.protocolMaxMgPerKg')}
            />
            <TextInput
              label="Absolute ceiling (mg/kg)"
              description="Never exceeded, override or not"
              inputMode="decimal"
              value={text(dose.absoluteCeilingMgPerKg)}
              onChange={(e) => set(['dose', 'absoluteCeilingMgPerKg'], num(e.currentTarget.value))}
              error={err('dose.absoluteCeilingMgPerKg')}
            />
            <NativeSelect
              label="Dosing weight"
              data={BASES}
              value={text(weight.basis) || 'actual'}
              onChange={(e) => set(['dose', 'dosingWeight', 'basis'], e.currentTarget.value)}
              error={err('dose.dosingWeight.basis')}
            />
            <TextInput
              label="Obesity threshold (BMI, kg/m²)"
              inputMode="decimal"
              value={text(weight.obeseBmiAtLeast)}
              onChange={(e) => set(['dose', 'dosingWeight', 'obeseBmiAtLeast'], num(e.currentTarget.value))}
              error={err('dose.dosingWeight.obeseBmiAtLeast')}
            />
            <NativeSelect
              label="Dosing weight at or above the threshold"
              data={BASES}
              value={text(weight.obeseBasis) || 'ideal'}
              onChange={(e) => set(['dose', 'dosingWeight', 'obeseBasis'], e.currentTarget.value)}
              error={err('dose.dosingWeight.obeseBasis')}
            />
            <TextInput
              label="Adjusted weight: share of the excess (0–1)"
              inputMode="decimal"
              value={text(weight.adjustedExcessFraction)}
              onChange={(e) =>
                set(['dose', 'dosingWeight', 'adjustedExcessFraction'], num(e.currentTarget.value))
              }
              error={err('dose.dosingWeight.adjustedExcessFraction')}
            />
          </>
        )}
        {protocol.drug !== 'esketamine' && (
          <TextInput
            label="Minimum observation after administration ends (min)"
            inputMode="numeric"
            value={text(discharge.minMinutesAfterAdministrationEnd)}
            onChange={(e) =>
              set(['discharge', 'minMinutesAfterAdministrationEnd'], num(e.currentTarget.value))
            }
            error={err('discharge.minMinutesAfterAdministrationEnd')}
          />
        )}
      </SimpleGrid>
      {protocol.drug === 'esketamine' && (
        <>
          <Checkbox
            mt="sm"
            label="Allow the non-US label dose (28 mg starting dose, EU label); off for the US label"
            checked={dose.nonUsLabelDosesAllowed === true}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              const next = structuredClone(protocol);
              const d = obj(next.dose);
              const allowed = (Array.isArray(d.allowedMg) ? (d.allowedMg as number[]) : []).filter(
                (m) => m !== 28,
              );
              d.allowedMg = on ? [28, ...allowed] : allowed;
              if (!on && d.defaultMg === 28) d.defaultMg = allowed[0];
              d.nonUsLabelDosesAllowed = on;
              next.dose = d;
              onChange(next);
            }}
          />
          <Text size="xs" c="dimmed" mt={4}>
            Discharge never before 120 minutes after the first device, and only with sedation and dissociation
            resolved and no respiratory depression (SPRAVATO REMS).
          </Text>
        </>
      )}
    </Fieldset>
  );
}
