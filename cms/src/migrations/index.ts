import * as migration_20261124_013730_initial from './20261124_013730_initial';
import * as migration_20261124_020252_roles_and_confirmation from './20261124_020252_roles_and_confirmation';
import * as migration_20261124_022715_site_builds from './20261124_022715_site_builds';
import * as migration_20261124_042538_listing_details from './20261124_042538_listing_details';
import * as migration_20261124_044425_signups from './20261124_044425_signups';
import * as migration_20261124_123214_locales_parent_id_indexes from './20261124_123214_locales_parent_id_indexes';
import * as migration_20261130_235647_schedule_next_period from './20261130_235647_schedule_next_period';
import * as migration_20261201_000511_no_account_lock from './20261201_000511_no_account_lock';
import * as migration_20261201_025852_previous_slugs from './20261201_025852_previous_slugs';
import * as migration_20261201_053026_autoincrement_ids from './20261201_053026_autoincrement_ids';
import * as migration_20261201_053513_translation_state from './20261201_053513_translation_state';
import * as migration_20261201_054750_translator_role from './20261201_054750_translator_role';
import * as migration_20261201_055143_translation_usage from './20261201_055143_translation_usage';
import * as migration_20261201_231621_attendance from './20261201_231621_attendance';
import * as migration_20261201_231841_places_and_waiting_list from './20261201_231841_places_and_waiting_list';
import * as migration_20261201_232054_signup_messages from './20261201_232054_signup_messages';
import * as migration_20261202_074405_site_build_mode from './20261202_074405_site_build_mode';
import * as migration_20261202_132337_event_dates_indexes from './20261202_132337_event_dates_indexes';
import * as migration_20261202_133915_media_object_key from './20261202_133915_media_object_key';

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
    name: '20261124_022715_site_builds',
  },
  {
    up: migration_20261124_042538_listing_details.up,
    down: migration_20261124_042538_listing_details.down,
    name: '20261124_042538_listing_details',
  },
  {
    up: migration_20261124_044425_signups.up,
    down: migration_20261124_044425_signups.down,
    name: '20261124_044425_signups',
  },
  {
    up: migration_20261124_123214_locales_parent_id_indexes.up,
    down: migration_20261124_123214_locales_parent_id_indexes.down,
    name: '20261124_123214_locales_parent_id_indexes',
  },
  {
    up: migration_20261130_235647_schedule_next_period.up,
    down: migration_20261130_235647_schedule_next_period.down,
    name: '20261130_235647_schedule_next_period',
  },
  {
    up: migration_20261201_000511_no_account_lock.up,
    down: migration_20261201_000511_no_account_lock.down,
    name: '20261201_000511_no_account_lock',
  },
  {
    up: migration_20261201_025852_previous_slugs.up,
    down: migration_20261201_025852_previous_slugs.down,
    name: '20261201_025852_previous_slugs',
  },
  {
    up: migration_20261201_053026_autoincrement_ids.up,
    down: migration_20261201_053026_autoincrement_ids.down,
    name: '20261201_053026_autoincrement_ids',
  },
  {
    up: migration_20261201_053513_translation_state.up,
    down: migration_20261201_053513_translation_state.down,
    name: '20261201_053513_translation_state',
  },
  {
    up: migration_20261201_054750_translator_role.up,
    down: migration_20261201_054750_translator_role.down,
    name: '20261201_054750_translator_role',
  },
  {
    up: migration_20261201_055143_translation_usage.up,
    down: migration_20261201_055143_translation_usage.down,
    name: '20261201_055143_translation_usage',
  },
  {
    up: migration_20261201_231621_attendance.up,
    down: migration_20261201_231621_attendance.down,
    name: '20261201_231621_attendance',
  },
  {
    up: migration_20261201_231841_places_and_waiting_list.up,
    down: migration_20261201_231841_places_and_waiting_list.down,
    name: '20261201_231841_places_and_waiting_list',
  },
  {
    up: migration_20261201_232054_signup_messages.up,
    down: migration_20261201_232054_signup_messages.down,
    name: '20261201_232054_signup_messages',
  },
  {
    up: migration_20261202_074405_site_build_mode.up,
    down: migration_20261202_074405_site_build_mode.down,
    name: '20261202_074405_site_build_mode',
  },
  {
    up: migration_20261202_132337_event_dates_indexes.up,
    down: migration_20261202_132337_event_dates_indexes.down,
    name: '20261202_132337_event_dates_indexes',
  },
  {
    up: migration_20261202_133915_media_object_key.up,
    down: migration_20261202_133915_media_object_key.down,
    name: '20261202_133915_media_object_key'
  },
];
