import * as migration_20261124_013730_initial from './20261124_013730_initial';

export const migrations = [
  {
    up: migration_20261124_013730_initial.up,
    down: migration_20261124_013730_initial.down,
    name: '20261124_013730_initial'
  },
];
