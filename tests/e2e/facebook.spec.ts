// Kakunin on the Facebook fixture (Lexical rich text in the "Create post" dialog; Post is a
// div[role=button] labelled 投稿 / Post), on the production build in real Chromium.
import { SITES } from './support/sites.ts';
import { gateSuite, useKakunin, warningSuite } from './suites/composer-suite.ts';

const env = useKakunin();
warningSuite(env, SITES.facebook);
// The prompt「山田 太郎さん、その気持ち、シェアしよう」names who posts.
gateSuite(env, SITES.facebook, { handle: '山田 太郎' });
