// Entry: render in the browser (webOS included); exported for Enact's prerender as well.
import { createRoot } from 'react-dom/client';
import App from './App/App';

const appElement = <App />;

if (typeof window !== 'undefined') {
  createRoot(document.getElementById('root')!).render(appElement);
}

export default appElement;
