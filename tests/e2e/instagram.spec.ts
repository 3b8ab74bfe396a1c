// Kakunin on the Instagram fixture (the caption step of "Create new post": Lexical plain text
// labelled キャプションを入力… / Write a caption...; Share is a div[role=button]), on the production build.
import { SITES } from './support/sites.ts';
import { gateSuite, useKakunin, warningSuite } from './suites/composer-suite.ts';

const env = useKakunin();
warningSuite(env, SITES.instagram);
gateSuite(env, SITES.instagram, { handle: 'kakunin_jp' });
