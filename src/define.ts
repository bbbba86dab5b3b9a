/** Registers every portal element (idempotently: loading twice does not throw). */
import './elements/portal-login/define.js';
import './elements/portal-root/define.js';
