/** Every page's text as the prescriber, the nurse and the patient (see page-text.ts). */
import { describePageText } from './page-text.ts';

describePageText(['prescriber', 'nurse', 'patient']);
