/** Browser-mode setup: the page gets the design tokens, as the real app's entry does. */
import { adoptTokens } from '../../src/styles/tokens';

adoptTokens();
