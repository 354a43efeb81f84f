/**
 * The default safety page (fasting, escort, no driving until the next day, other medicines, pregnancy,
 * when to get help), written for Plasticity in plain US English (no copied text). Facts and sources:
 * docs/clinical-sources.md#patient-education.
 */
import type { DefaultEducationPage } from './types.ts';

export const STAYING_SAFE: DefaultEducationPage = {
  slug: 'staying-safe-on-treatment-days',
  title: 'Staying safe on treatment days',
  summary: 'Eating and drinking beforehand, getting home, driving, other medicines, and when to get help.',
  topic: 'safety',
  sortOrder: 30,
  body: `## Eating and drinking beforehand
Come with an empty stomach: the medicine can make you feel sick, and fasting makes vomiting less likely. Each appointment in this portal shows the exact fasting times for that visit. For the esketamine nasal spray, the label asks you not to eat for at least 2 hours and not to drink anything for at least 30 minutes before the dose. For ketamine, clinics often ask for a longer fast, such as no food for 4 to 6 hours.

## Someone to take you home
Arrange for an adult to come with you or pick you up and take you home. You will not be allowed to leave alone.

## No driving until the next day
Do not drive, ride a bike, use machinery or do anything that needs you to be fully alert until the next day, after a night of restful sleep. This holds even if you feel fine: these medicines can slow your reactions for longer than you notice.

## Other medicines and substances
Tell your care team about every medicine you take, including ones bought without a prescription, supplements, and nasal sprays. Some combinations matter:
- medicines that make you sleepy, such as benzodiazepines, opioids or sleep aids, and alcohol, can make you much drowsier;
- stimulants and some older antidepressants (MAO inhibitors) can raise your blood pressure further;
- if you use a steroid or decongestant nasal spray, take it at least 1 hour before an esketamine dose.

Do not drink alcohol or use cannabis or other drugs on the day of a dose.

## Pregnancy and breastfeeding
Tell your prescriber if you are pregnant, might be, or plan to become pregnant, or if you are breastfeeding. Esketamine is not recommended during pregnancy, because it may harm an unborn baby.

## Use only as prescribed
Ketamine and esketamine are controlled medicines that some people misuse. Take them only as your prescriber directs, and tell your care team if you notice cravings or find yourself wanting more.

## Tell staff right away
During or after a dose, tell staff at once if you feel you cannot stay awake, feel faint, have trouble breathing, chest pain or a severe headache.

## If you are in crisis
If you have thoughts of harming yourself, call or text 988 (the Suicide & Crisis Lifeline) at any time. In an emergency, call 911. The crisis buttons are at the top of every page of this portal.`,
};
