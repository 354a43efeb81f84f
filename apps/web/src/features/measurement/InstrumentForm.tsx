import { Radio, Stack, Text } from '@mantine/core';
import type { AnswerOption, InstrumentDefinition, ItemDefinition } from '@plasticity/clinical/instruments';
import type { Answers } from './api.ts';

const optionsOf = (def: InstrumentDefinition, item: ItemDefinition): readonly AnswerOption[] =>
  item.options ?? def.options ?? [];

/** Answers start as "skipped" (null) for every item. */
export const emptyAnswers = (def: InstrumentDefinition): Answers => def.items.map(() => null);

/** Trims trailing unanswered optional items (PHQ-9 difficulty) so the count matches `minAnswers`. */
export function answersToSend(def: InstrumentDefinition, answers: Answers): Answers {
  if (def.minAnswers !== undefined && answers.slice(def.minAnswers).every((a) => a === null))
    return answers.slice(0, def.minAnswers);
  return answers;
}

/** Scored items still unanswered (1-based). */
export const unanswered = (def: InstrumentDefinition, answers: Answers) =>
  def.items.filter((it, i) => it.scored && answers[i] === null).map((it) => it.number);

interface Props {
  def: InstrumentDefinition;
  answers: Answers;
  onChange: (answers: Answers) => void;
  /** Item numbers to highlight as needing an answer. */
  missing?: number[];
}

/**
 * One instrument as a phone-first form: one radio group per item with the printed options. Items
 * show the exact wording where the licence allows shipping it, else the short label (`wordingNote`).
 */
export function InstrumentForm({ def, answers, onChange, missing = [] }: Props) {
  return (
    <Stack gap="lg">
      {def.instructions && (
        <Text size="sm" fw={500}>
          {def.instructions}
        </Text>
      )}
      {def.items.map((item, i) => (
        <Radio.Group
          key={item.number}
          name={`${def.id}-item-${item.number}`}
          label={`${item.number}. ${item.text ?? item.label}`}
          description={item.scored ? undefined : 'Optional'}
          value={answers[i] === null || answers[i] === undefined ? '' : String(answers[i])}
          error={missing.includes(item.number) ? 'Please answer this question' : undefined}
          onChange={(v) => {
            const next = [...answers];
            next[i] = v === '' ? null : Number(v);
            onChange(next);
          }}
        >
          <Stack gap={6} mt={6}>
            {optionsOf(def, item).map((o) => (
              <Radio key={o.value} value={String(o.value)} label={`${o.label} (${o.value})`} />
            ))}
          </Stack>
        </Radio.Group>
      ))}
    </Stack>
  );
}
