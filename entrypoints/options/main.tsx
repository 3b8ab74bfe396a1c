import { render } from 'preact';
import { OptionsApp } from '../../src/ui/options/OptionsApp';
import { createOptionsServices } from './services';

render(<OptionsApp services={createOptionsServices()} />, document.getElementById('app')!);
