/**
 * Default pages about the medicines and the session, written for Plasticity in plain US English (no text
 * copied from any source). Facts and where they come from: docs/clinical-sources.md#patient-education.
 */
import type { DefaultEducationPage } from './types.ts';

export const WHAT_KETAMINE_DOES: DefaultEducationPage = {
  slug: 'what-ketamine-and-esketamine-do',
  title: 'What ketamine and esketamine do',
  summary: 'How these medicines act in the brain, and what is and is not known about why they can help.',
  topic: 'treatment',
  sortOrder: 10,
  body: `## Two related medicines
Ketamine has been used for decades to put people to sleep for surgery. For depression and some related conditions it is given at much lower doses: as a slow drip into a vein (an infusion), a shot into a muscle, or a tablet or lozenge that dissolves in the mouth. The FDA approved ketamine as an anesthetic, not as a treatment for depression, so this use is called "off label". Your prescriber will go through what that means before you start.

Esketamine is one of the two mirror-image forms that make up ketamine. It comes as a nasal spray called SPRAVATO, which the FDA approved for adults whose depression has not improved enough with other antidepressants, and for adults with major depression who have suicidal thoughts or actions. It is only given in certified clinics, under a safety program called a REMS, and you stay in the clinic for at least 2 hours after each dose.

## What they do in the brain
Both medicines block a receptor on nerve cells called the NMDA receptor. This receptor responds to glutamate, the brain's main messenger for switching nerve cells on. Blocking it for a short time sets off a chain of changes.

In laboratory studies, rodents given ketamine grew new connections between nerve cells (synapses) within about a day, in the part of the brain that helps manage mood and choices. Researchers think this quick growth of new connections, often called neuroplasticity, is part of why some people feel better within hours or days instead of the weeks that other antidepressants take.

## What is not known yet
No one yet knows exactly how these medicines relieve depression, and the SPRAVATO label says so. What happens in animals does not always happen in people, and not everyone improves. Your care team asks you to fill in short questionnaires so that you and they can see whether the treatment is helping you.

## Why the days after a dose matter
The time around a course of treatment may be a period when the brain is more open to change. That is why many clinics pair the medicine with therapy: so that new ways of thinking and acting have the best chance to take hold. The page "What integration is" explains how this clinic does that.`,
};

export const WHAT_A_SESSION_FEELS_LIKE: DefaultEducationPage = {
  slug: 'what-a-session-feels-like',
  title: 'What a session feels like',
  summary: 'What usually happens before, during and after a dose, and the effects you may notice.',
  topic: 'session',
  sortOrder: 20,
  body: `## When you arrive
A nurse checks in with you, asks how you are feeling, and measures your blood pressure, heart rate and oxygen level. You settle into a comfortable chair. Many people like an eye mask and calm music; ask what the clinic offers, or bring your own headphones.

## During the dose
Effects begin within minutes. People often describe:
- feeling detached from their body, their thoughts or the room around them (this is called dissociation);
- time seeming to slow down or speed up;
- colors, sounds or shapes seeming different, or seeing images with eyes closed;
- feeling floaty, dizzy, numb, heavy or sleepy.

Some people find this pleasant, some find it strange, and some feel anxious or frightened for a while. These feelings pass. Staff stay nearby the whole time: tell them how you are feeling, and ask for help if you need it. It often helps to breathe slowly and let the experience come and go rather than fight it.

## Effects on your body
Blood pressure and heart rate usually go up during and after a dose. With esketamine the rise is largest about 40 minutes after the dose and wears off over about 4 hours. Staff check your blood pressure regularly and will not send you home until it has settled.

Some people feel sick to their stomach, and a few vomit. This is one reason to come with an empty stomach. Tell the staff if you feel sick; they may be able to give you medicine for it.

## Afterwards
The strong effects fade on the same day, usually within a few hours. You stay until a clinician checks that you are alert, steady and ready to leave; with esketamine that is never sooner than 2 hours after the dose. You may feel tired, a little unsteady or foggy for the rest of the day. An adult you trust takes you home.

## Every session is different
One session may feel calm, another intense, another almost like nothing happened. None of these means the treatment is or is not working. Notice what you can, and bring it to your next therapy or integration visit.`,
};
