/** Authentication: login (with TOTP), logout, who-am-I, invitation/reset acceptance, MFA enrolment. */
import type { ServerModule } from '../../platform/module.ts';
import { acceptInviteRoute } from './accept-invite.ts';
import { linkInfoRoute } from './link-info.ts';
import { loginRoute } from './login.ts';
import { logoutRoute } from './logout.ts';
import { meRoute } from './me.ts';
import { mfaRoutes } from './mfa.ts';

export const authModule: ServerModule = {
  name: 'auth',
  routes(app, ctx) {
    loginRoute(app, ctx);
    logoutRoute(app, ctx);
    meRoute(app, ctx);
    acceptInviteRoute(app, ctx);
    linkInfoRoute(app, ctx);
    mfaRoutes(app, ctx);
  },
};
