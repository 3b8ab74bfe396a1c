import { render } from 'preact';
import { PopupApp } from '../../src/ui/popup/PopupApp';
import { createPopupServices } from './services';

render(<PopupApp services={createPopupServices()} />, document.getElementById('app')!);
