// Base styles first, so feature stylesheets (imported by their pages) come after them and may refine them.
import './styles.css';
import './shell/shell.css';
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root')!).render(<App />);
