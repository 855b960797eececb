/// <reference types="vite-plugin-pwa/client" />
/**
 * Entry module: design tokens, the service worker bridge, the install prompt,
 * and the app. `virtual:pwa-register` exists only in builds with the PWA
 * plugin, so it is imported here and nowhere else.
 */
import { registerSW } from 'virtual:pwa-register';
import { Installer } from './platform/install';
import { SwBridge } from './platform/sw-bridge';
import { adoptTokens } from './styles/tokens';
import './app/shell/aq-app';

adoptTokens();

const installer = new Installer();
const sw = new SwBridge(registerSW);
const app = document.querySelector('aq-app');
if (app) {
  app.installer = installer;
  app.sw = sw;
}
sw.start();
