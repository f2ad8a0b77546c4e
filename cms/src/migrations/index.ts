import * as migration_20261124_013730_initial from './20261124_013730_initial';
import * as migration_20261124_020252_roles_and_confirmation from './20261124_020252_roles_and_confirmation';
import * as migration_20261124_022715_site_builds from './20261124_022715_site_builds';

export const migrations = [
  {
    up: migration_20261124_013730_initial.up,
    down: migration_20261124_013730_initial.down,
    name: '20261124_013730_initial',
  },
  {
    up: migration_20261124_020252_roles_and_confirmation.up,
    down: migration_20261124_020252_roles_and_confirmation.down,
    name: '20261124_020252_roles_and_confirmation',
  },
  {
    up: migration_20261124_022715_site_builds.up,
    down: migration_20261124_022715_site_builds.down,
    name: '20261124_022715_site_builds'
  },
];
