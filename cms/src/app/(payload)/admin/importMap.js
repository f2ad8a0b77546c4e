import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { PreviousSlugsField as PreviousSlugsField_fa76cfb5ac48102e101e34c18a4c3983 } from '../../../components/PreviousSlugsField'
import { TranslationChanges as TranslationChanges_33713c415ad47a55f12dd3ddd8e81f42 } from '../../../components/TranslationChanges'
import { TranslationLocales as TranslationLocales_a65c9a04982b2bb05a486008433103fc } from '../../../components/TranslationLocales'
import { NotLiveYetDocument as NotLiveYetDocument_5e1ab4e771590896070b3b845bfbba10 } from '../../../components/NotLiveYet'
import { PublishWithSchedule as PublishWithSchedule_82c55a3ecde65f324213bdc5c1157bdd } from '../../../components/SchedulePublish'
import { DepartmentField as DepartmentField_c4c2c5a5d8c9b68162c5a9591f80a83b } from '../../../components/DepartmentField'
import { DateInput as DateInput_49e1145bd110dc9f720ff3e23f7f9c76 } from '../../../components/DateInput'
import { PlacesStatus as PlacesStatus_c740b1740b0f74feffb86b6a817813a8 } from '../../../components/PlacesStatus'
import { ConfirmListing as ConfirmListing_89a32b1c00cfd86270a549475969c97c } from '../../../components/ConfirmListing'
import { PasswordField as PasswordField_3817bf644402e67bfe6577f60ef982de } from '@payloadcms/ui'
import { SiteBuildStatus as SiteBuildStatus_22ed97a305e37e4dddb8d93e0889a36a } from '../../../components/SiteBuildStatus'
import { PersonalDataTool as PersonalDataTool_261ea0717a4570e80bc33e6a75a3fdc6 } from '../../../components/PersonalDataTool'
import { TranslationsNavLink as TranslationsNavLink_897a24be6f24315b738774184bec0222 } from '../../../components/TranslationsOverview'
import { AttendanceNavLink as AttendanceNavLink_8a7282b001ccf680ed456cb2e8275477 } from '../../../components/Attendance'
import { NotLiveYetDashboard as NotLiveYetDashboard_5e1ab4e771590896070b3b845bfbba10 } from '../../../components/NotLiveYet'
import { DepartmentDashboard as DepartmentDashboard_08f6961e47e19879e63eda28fd39f66f } from '../../../components/DepartmentDashboard'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { TranslationsOverview as TranslationsOverview_897a24be6f24315b738774184bec0222 } from '../../../components/TranslationsOverview'
import { AttendanceView as AttendanceView_8a7282b001ccf680ed456cb2e8275477 } from '../../../components/Attendance'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/PreviousSlugsField#PreviousSlugsField": PreviousSlugsField_fa76cfb5ac48102e101e34c18a4c3983,
  "/components/TranslationChanges#TranslationChanges": TranslationChanges_33713c415ad47a55f12dd3ddd8e81f42,
  "/components/TranslationLocales#TranslationLocales": TranslationLocales_a65c9a04982b2bb05a486008433103fc,
  "/components/NotLiveYet#NotLiveYetDocument": NotLiveYetDocument_5e1ab4e771590896070b3b845bfbba10,
  "/components/SchedulePublish#PublishWithSchedule": PublishWithSchedule_82c55a3ecde65f324213bdc5c1157bdd,
  "/components/DepartmentField#DepartmentField": DepartmentField_c4c2c5a5d8c9b68162c5a9591f80a83b,
  "/components/DateInput#DateInput": DateInput_49e1145bd110dc9f720ff3e23f7f9c76,
  "/components/PlacesStatus#PlacesStatus": PlacesStatus_c740b1740b0f74feffb86b6a817813a8,
  "/components/ConfirmListing#ConfirmListing": ConfirmListing_89a32b1c00cfd86270a549475969c97c,
  "@payloadcms/ui#PasswordField": PasswordField_3817bf644402e67bfe6577f60ef982de,
  "/components/SiteBuildStatus#SiteBuildStatus": SiteBuildStatus_22ed97a305e37e4dddb8d93e0889a36a,
  "/components/PersonalDataTool#PersonalDataTool": PersonalDataTool_261ea0717a4570e80bc33e6a75a3fdc6,
  "/components/TranslationsOverview#TranslationsNavLink": TranslationsNavLink_897a24be6f24315b738774184bec0222,
  "/components/Attendance#AttendanceNavLink": AttendanceNavLink_8a7282b001ccf680ed456cb2e8275477,
  "/components/NotLiveYet#NotLiveYetDashboard": NotLiveYetDashboard_5e1ab4e771590896070b3b845bfbba10,
  "/components/DepartmentDashboard#DepartmentDashboard": DepartmentDashboard_08f6961e47e19879e63eda28fd39f66f,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/components/TranslationsOverview#TranslationsOverview": TranslationsOverview_897a24be6f24315b738774184bec0222,
  "/components/Attendance#AttendanceView": AttendanceView_8a7282b001ccf680ed456cb2e8275477,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
