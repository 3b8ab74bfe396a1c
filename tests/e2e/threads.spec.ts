// Kakunin on the Threads fixture (Lexical plain text in the "New thread" dialog; Post labelled
// 投稿 / Post; Ctrl/Cmd+Enter posts from Lexical's Enter command), on the production build.
import { SITES } from './support/sites.ts';
import { gateSuite, useKakunin, warningSuite } from './suites/composer-suite.ts';

const env = useKakunin();
warningSuite(env, SITES.threads);
gateSuite(env, SITES.threads, { handle: 'kakunin_jp' });
