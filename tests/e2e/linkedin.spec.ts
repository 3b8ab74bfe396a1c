// Kakunin on the LinkedIn fixture (Quill 2 in the share modal; button.share-actions__primary-action
// reading 投稿 / Post), on the production build in real Chromium.
import { SITES } from './support/sites.ts';
import { gateSuite, useKakunin, warningSuite } from './suites/composer-suite.ts';

const env = useKakunin();
warningSuite(env, SITES.linkedin);
gateSuite(env, SITES.linkedin, { handle: '山田 太郎' });
