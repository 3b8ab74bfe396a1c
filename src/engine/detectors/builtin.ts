/** The code-based rules that ship with Kakunin, in the order they run. */
import { PRIVACY_DETECTORS } from './privacy/index';
import { sensitiveDateDetector } from './sensitive-date';
import type { Detector } from './types';

export const BUILTIN_DETECTORS: readonly Detector[] = [sensitiveDateDetector, ...PRIVACY_DETECTORS];
