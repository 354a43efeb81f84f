import { Radio, Stack, Text } from '@mantine/core';
import {
  type AnswerOption,
  answersWithNotAsked,
  type InstrumentDefinition,
  type ItemDefinition,
  isAsked,
} from '@plasticity/clinical/instruments';
import type { Answers } from './api.ts';

const optionsOf = (def: InstrumentDefinition, item: ItemDefinition): readonly AnswerOption[] =>
  item.options ?? def.options ?? [];

/** Answers start as "skipped" (null) for every item. */
export const emptyAnswers = (def: InstrumentDefinition): Answers => def.items.map(() => null);

/**
 * The answers to send: questions the form did not ask (behind a closed gate, e.g. C-SSRS items 3–5
 * after a no to item 2) are sent as 0; trailing unanswered optional items (PHQ-9 difficulty) are
 * trimmed so the count matches `minAnswers`.
 */
export function answersToSend(def: InstrumentDefinition, answers: Answers): Answers {
  const sent = answersWithNotAsked(def, answers);
  if (def.minAnswers !== undefined && sent.slice(def.minAnswers).every((a) => a === null))
    return sent.slice(0, def.minAnswers);
  return sent;
}

/** Scored items that are asked and still unanswered (1-based). */
export const unanswered = (def: InstrumentDefinition, answers: Answers) =>
  def.items
    .filter((it, i) => it.scored && answers[i] === null && isAsked(def, answers, it.number))
    .map((it) => it.number);

/** `answers` with item `index` set, and answers to questions that are no longer asked cleared. */
function withAnswer(def: InstrumentDefinition, answers: Answers, index: number, value: number | null) {
  const next = [...answers];
  next[index] = value;
  return next.map((a, i) => (isAsked(def, next, i + 1) ? a : null));
}

interface Props {
  def: InstrumentDefinition;
  answers: Answers;
  onChange: (answers: Answers) => void;
  /** Item numbers to highlight as needing an answer. */
  missing?: number[];
}

/**
 * One instrument as a phone-first form: one radio group per item with the printed options. Items
 * show the exact wording where the licence allows shipping it, else the short label (`wordingNote`);
 * answers show their labels only, not the numbers they are scored with. A question behind a gate appears only once its gate is open (C-SSRS screener: items 3–5 after a yes
 * to item 2, the "within the past 3 months?" follow-up after a yes to item 6).
 */
export function InstrumentForm({ def, answers, onChange, missing = [] }: Props) {
  return (
    <Stack gap="lg">
      {def.instructions && (
        <Text size="sm" fw={500}>
          {def.instructions}
        </Text>
      )}
      {def.items.map((item, i) =>
        !isAsked(def, answers, item.number) ? null : (
          <Radio.Group
            key={item.number}
            name={`${def.id}-item-${item.number}`}
            label={`${item.number}. ${item.text ?? item.label}`}
            description={item.scored ? undefined : 'Optional'}
            value={answers[i] === null || answers[i] === undefined ? '' : String(answers[i])}
            error={missing.includes(item.number) ? 'Please answer this question' : undefined}
            onChange={(v) => onChange(withAnswer(def, answers, i, v === '' ? null : Number(v)))}
          >
            <Stack gap={6} mt={6}>
              {optionsOf(def, item).map((o) => (
                <Radio key={o.value} value={String(o.value)} label={o.label} />
              ))}
            </Stack>
          </Radio.Group>
        ),
      )}
    </Stack>
  );
}
