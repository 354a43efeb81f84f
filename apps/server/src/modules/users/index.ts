/** Users: staff invitations, patient portal invitations, and account lifecycle (admin). */
import type { ServerModule } from '../../platform/module.ts';
import { inviteRoutes } from './invite-user.ts';
import { manageUserRoutes } from './manage-users.ts';

export const usersModule: ServerModule = {
  name: 'users',
  routes(app, ctx) {
    inviteRoutes(app, ctx);
    manageUserRoutes(app, ctx);
  },
};
