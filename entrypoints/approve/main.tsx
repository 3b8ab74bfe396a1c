import { render } from 'preact';
import { ApproveApp } from '../../src/ui/approve/ApproveApp';
import { createApproveServices } from './services';

render(<ApproveApp services={createApproveServices()} />, document.getElementById('app')!);
