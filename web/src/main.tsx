import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import 'govuk-frontend/dist/govuk/govuk-frontend.min.css';
import './app.css';
import { App } from './App';
import { loadConfig } from './config';
import { SessionProvider, adoptSessionFromOtherTabs } from './session';

// govuk-frontend styles some components differently once it knows JavaScript runs.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

// config.json (AWS: API URL and hosted sign-in) decides how the app signs in: read it before the first render.
// A link opened in a new tab has no session yet: take an open tab's before the first render decides where to go.
await Promise.all([loadConfig(), adoptSessionFromOtherTabs()]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
