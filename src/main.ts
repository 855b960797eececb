/**
 * Entry module: adds the design tokens to the document and starts the app.
 * (Platform bridges such as service-worker registration will live here too,
 * so components stay importable in tests.)
 */
import { adoptTokens } from './styles/tokens';
import './app/aq-app';

adoptTokens();
