/** The privacy detectors (個人情報), in the order they run; registered in ../builtin.ts. */
import type { Detector } from '../types';
import { creditCardDetector } from './credit-card';
import { emailDetector } from './email';
import { myNumberDetector } from './my-number';
import { personDetailsDetector } from './person-details';
import { phoneNumberDetector } from './phone';
import { postalAddressDetector } from './postal-address';

export const PRIVACY_DETECTORS: readonly Detector[] = [
  myNumberDetector,
  creditCardDetector,
  phoneNumberDetector,
  emailDetector,
  postalAddressDetector,
  personDetailsDetector,
];
