/**
 * The default pages about integration and after-care, written for Plasticity in plain US English (no
 * copied text). Facts and sources: docs/clinical-sources.md#patient-education.
 */
import type { DefaultEducationPage } from './types.ts';

export const WHAT_INTEGRATION_IS: DefaultEducationPage = {
  slug: 'what-integration-is',
  title: 'What integration is',
  summary: 'Turning what you notice during treatment into changes that last in your daily life.',
  topic: 'integration',
  sortOrder: 40,
  body: `## Making sense of the experience
Integration is the work of making sense of what you felt, saw and thought during treatment, and of turning it into changes in your everyday life. The medicine may help you feel better or see things differently for a while. What you do in the days and weeks that follow helps decide what stays.

## Why it matters
The relief that can come after a dose often fades over days or weeks. Studies that paired ketamine with talking therapy suggest that therapy can help the benefit last, although the research is still small. This clinic builds integration into every course.

## What it looks like here
- Before your course, a preparation visit: you and your therapist talk about what you hope for (your intentions) and who will support you.
- After each dose, an integration visit, usually within 1 to 3 days: you talk through what came up and what you want to try.
- A journal in this portal. Entries are private to you unless you choose to share one with your care team.
- A quick daily mood check-in and short questionnaires, so you can see how things change over time.

## Questions to think about
- What stood out during the session: images, feelings, memories, thoughts?
- Did anything shift in how you see a problem, a person, or yourself?
- What is one small thing you want to do differently this week?
- What got in the way last time, and what could help?

## There is no right way to feel
Some sessions feel meaningful, some are hard, and some feel like nothing much happened. All of it is worth talking about. Integration is not about reaching a big insight; it is about small, steady steps.`,
};

export const AFTER_YOUR_SESSION: DefaultEducationPage = {
  slug: 'after-your-session',
  title: 'After your session',
  summary: 'How to look after yourself for the rest of the day, and when to call the clinic.',
  topic: 'aftercare',
  sortOrder: 50,
  body: `## The rest of today
- Go home with your adult escort and rest. Tiredness, mild dizziness, headache or an upset stomach can last for the rest of the day.
- Eat something light when you feel ready, and drink water.
- Do not drive, ride a bike or use machinery until tomorrow, after a night of restful sleep.
- Do not drink alcohol or use cannabis or other drugs today.
- Put off big decisions and important paperwork until tomorrow.
- If you can, have someone with you or close by for the rest of the day.

## Tonight and tomorrow
Sleep is part of recovery. Tomorrow, once you have slept and feel fully alert, you can go back to your usual routine, including driving.

The evening after a session is a good time to write in your journal: a few words about what you noticed are enough. Bring anything that stood out to your integration visit.

## Call the clinic if
- your mood gets worse, or you feel unusually agitated, confused or on edge;
- sickness or vomiting does not settle;
- it hurts or burns when you pass urine, you need to go much more often or urgently, or you see blood in your urine;
- anything else worries you.

## Call 911 if
You have chest pain, trouble breathing, a sudden severe headache, fainting, or weakness or numbness on one side of your body.

## If you are in crisis
If you have thoughts of harming yourself, call or text 988 (the Suicide & Crisis Lifeline) at any time, day or night. In an emergency, call 911. The crisis buttons are at the top of every page of this portal.

## Your next step
Your integration visit is usually 1 to 3 days after a dose. Check "My appointments" to see when it is, or to book it.`,
};
