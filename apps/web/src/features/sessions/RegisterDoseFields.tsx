/**
 * The register part of the dose form: the container the dose is drawn from (the register's
 * usable stock of the protocol's drug), the volumes drawn and given, the remainder to waste and — when
 * there is one — the witness who co-signs the waste. The server appends draw, administration and waste
 * to the register with the dose, all or nothing; the arithmetic here only guides the person typing.
 */

import { Group, Stack, Text, TextInput } from '@mantine/core';
import { Decimal, parseQuantity, productIsDrug } from '@plasticity/clinical/controlled';
import type { FieldErrors } from '../../api/errors.ts';
import type { Stock, Witness } from '../controlled/api.ts';
import { Choice } from '../controlled/Choice.tsx';
import { useStock } from '../controlled/queries.ts';
import { WitnessFields } from '../controlled/WitnessFields.tsx';

export interface RegisterDoseValue {
  containerId: string | null;
  drawnMl: string;
  volumeMl: string;
  witness: Witness;
}

export const EMPTY_REGISTER_DOSE: RegisterDoseValue = {
  containerId: null,
  drawnMl: '',
  volumeMl: '',
  witness: { email: '', password: '' },
};

const USABLE = new Set(['sealed', 'open']);

/** Usable containers of the protocol's drug with stock left. */
export function useDoseStock(drug: string) {
  const stock = useStock();
  const containers = (stock.data ?? []).filter(
    (c) => productIsDrug(c.drug, drug) && USABLE.has(c.status) && Number(c.balance) > 0,
  );
  return { containers, error: stock.error };
}

const dec = (v: string | number) => {
  const r = parseQuantity(typeof v === 'string' ? v.trim() : v);
  return r.ok ? r.value : null;
};

/** Remainder to waste (drawn − given), when both volumes are valid and drawn exceeds given. */
function remainderOf(v: RegisterDoseValue): Decimal | null {
  const drawn = dec(v.drawnMl);
  const given = dec(v.volumeMl);
  if (!drawn || !given) return null;
  const r = drawn.sub(given);
  return r.isPositive() ? r : null;
}

/** The request fields for the chosen container (none when the dose is not drawn from the register). */
export function registerFields(container: Stock | undefined, v: RegisterDoseValue): Record<string, unknown> {
  if (!container) return {};
  if (container.unit === 'mg') return { containerId: container.id };
  const out: Record<string, unknown> = { containerId: container.id };
  if (v.volumeMl.trim()) out.volumeMl = Number(v.volumeMl.trim());
  if (v.drawnMl.trim()) out.drawnMl = Number(v.drawnMl.trim());
  if (remainderOf(v) && (v.witness.email || v.witness.password)) out.wasteWitness = v.witness;
  return out;
}

const label = (c: Stock) => `${c.label} — ${c.product}, lot ${c.lot}: ${c.balance} ${c.unit} left`;

interface Props {
  containers: Stock[];
  value: RegisterDoseValue;
  onChange: (v: RegisterDoseValue) => void;
  errors: FieldErrors;
}

export function RegisterDoseFields({ containers, value, onChange, errors }: Props) {
  const container = containers.find((c) => c.id === value.containerId);
  const set = (patch: Partial<RegisterDoseValue>) => onChange({ ...value, ...patch });
  const conc = container?.concentrationMgPerMl ? Decimal.of(container.concentrationMgPerMl) : null;
  const given = dec(value.volumeMl);
  const remainder = remainderOf(value);
  return (
    <Stack gap="xs">
      <Choice
        label="Drawn from (register)"
        name="containerId"
        placeholder="Not from the register — enter lot and expiry"
        data={containers.map((c) => ({ value: c.id, label: label(c) }))}
        value={value.containerId}
        onChange={(containerId) => set({ containerId })}
        error={errors.containerId}
      />
      {container?.unit === 'mg' && (
        <Text size="sm" c="dimmed">
          Counted in mg: the dose is drawn and given from this container, with no remainder.
        </Text>
      )}
      {container?.unit === 'mL' && (
        <>
          <Group align="flex-start">
            <TextInput
              label="Drawn (mL)"
              name="drawnMl"
              inputMode="decimal"
              w={140}
              value={value.drawnMl}
              onChange={(e) => set({ drawnMl: e.currentTarget.value })}
              description="Into the syringe"
              error={errors.drawnMl}
            />
            <TextInput
              label="Given (mL)"
              name="volumeMl"
              inputMode="decimal"
              w={140}
              value={value.volumeMl}
              onChange={(e) => set({ volumeMl: e.currentTarget.value })}
              description={
                given && conc
                  ? `= ${given.mul(conc, 'half-up').toString()} mg at ${conc.toString()} mg/mL`
                  : ' '
              }
              error={errors.volumeMl}
            />
          </Group>
          <Text size="sm" data-testid="waste-remainder">
            {remainder
              ? `Remainder to waste: ${remainder.toString()} mL (witnessed)`
              : 'No remainder to waste.'}
          </Text>
          {remainder && (
            <WitnessFields
              legend={`Witness to the waste of ${remainder.toString()} mL`}
              name="waste-witness"
              value={value.witness}
              onChange={(witness) => set({ witness })}
              error={errors.wasteWitness}
            />
          )}
        </>
      )}
    </Stack>
  );
}
