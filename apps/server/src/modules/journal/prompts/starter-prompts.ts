/**
 * The product's starter journal prompts, written for Plasticity in plain US English (our own words, not taken
 * from any book or program). They are loaded into a clinic's library the first time the library is used; from
 * then on the clinic edits, reorders and retires its own copies. None is tied to a protocol.
 */
import type { JournalPhase } from '@plasticity/contracts';

export const STARTER_PROMPTS: ReadonlyArray<{ phase: JournalPhase; text: string }> = [
  { phase: 'before_session', text: 'What are you hoping for from your next session?' },
  {
    phase: 'before_session',
    text: 'What is on your mind as the session gets closer? Any worries you want to name?',
  },
  {
    phase: 'before_session',
    text: 'Write one sentence you would like to carry into the session, such as a question or an intention.',
  },
  { phase: 'before_session', text: 'Who or what helps you feel safe and supported right now?' },
  { phase: 'evening_after', text: 'What do you remember most from today’s session?' },
  { phase: 'evening_after', text: 'How does your body feel this evening? How does your mind feel?' },
  { phase: 'evening_after', text: 'Were there images, memories or feelings that surprised you?' },
  {
    phase: 'evening_after',
    text: 'Is there anything from today you would like to talk through with your therapist?',
  },
  { phase: 'week_after', text: 'Looking back on the session, what still stands out a few days later?' },
  { phase: 'week_after', text: 'Have you noticed any change in how you react to everyday things this week?' },
  { phase: 'week_after', text: 'What is one small step you took, or want to take, since the session?' },
  { phase: 'week_after', text: 'Which of your intentions feels different now than before the session?' },
  { phase: 'any', text: 'How are you today, in a few words?' },
  { phase: 'any', text: 'What is one thing that went well recently, however small?' },
  { phase: 'any', text: 'What has been hard lately, and what helped, even a little?' },
  { phase: 'any', text: 'Write about anything you want to remember from this week.' },
];
