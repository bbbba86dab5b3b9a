import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryAdapter, type PortalEvent } from 'portal-elements';
// Registers every tag before React renders them, so `adapter` is set as a property. The portal shows
// the sections whose elements are registered; a page with one element imports only that element's
// entry (`portal-elements/elements/portal-summary`).
import 'portal-elements/define';
// Types only: <portal-*> in JSX, with their properties, attributes and typed `onportal-*` events.
import type {} from 'portal-elements/react';

// The demo backend in the page; for your own backend, `api="/portal-api"` or an adapter of your own.
const adapter = new MemoryAdapter();

function App() {
  const [section, setSection] = useState('overview');
  const [asked, setAsked] = useState('');

  // The standalone summary asks to go elsewhere; the app handles it and says so by cancelling.
  function onNavigate(event: PortalEvent<'portal-navigate'>) {
    event.preventDefault();
    setAsked(event.detail.section);
  }

  return (
    <main>
      <aside>
        <h2>At a glance</h2>
        <portal-summary adapter={adapter} navigable onportal-navigate={onNavigate} />
        <p role="status">{asked && `The summary asked for: ${asked}`}</p>
      </aside>
      <portal-root
        adapter={adapter}
        theme-color="#0f766e"
        onportal-section={(event) => setSection(event.detail.section)}
      />
      <p>Section on show: {section}</p>
    </main>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
