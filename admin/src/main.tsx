import React from 'react';
import ReactDOM from 'react-dom/client';
import { App } from './App';
import { fetchMe, getToken } from './authProvider';

// Ask who is logged in while React boots: every access check waits for it (one shared request).
if (getToken()) fetchMe().catch(() => undefined);

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <App />
  </React.StrictMode>,
);
