""" Contains all the data models used in inputs/outputs """

from .accommodations import Accommodations
from .accommodations_in import AccommodationsIn
from .answer import Answer
from .answer_kind import AnswerKind
from .answer_renditions_type_0_item import AnswerRenditionsType0Item
from .answer_status import AnswerStatus
from .answer_thumbnails_type_0 import AnswerThumbnailsType0
from .api_key_created import ApiKeyCreated
from .api_key_in import ApiKeyIn
from .api_key_in_scopes_item import ApiKeyInScopesItem
from .api_key_out import ApiKeyOut
from .api_key_page import ApiKeyPage
from .attempt import Attempt
from .attempt_list import AttemptList
from .attempt_mode import AttemptMode
from .attempt_out import AttemptOut
from .attempt_status import AttemptStatus
from .audio import Audio
from .audio_level import AudioLevel
from .audit_entry import AuditEntry
from .audit_entry_subjects import AuditEntrySubjects
from .audit_page import AuditPage
from .body_acs_v1_auth_saml_acs_post import BodyAcsV1AuthSamlAcsPost
from .book_in import BookIn
from .booking import Booking
from .bulk_result import BulkResult
from .bulk_row import BulkRow
from .bulk_row_status import BulkRowStatus
from .busy import Busy
from .busy_in import BusyIn
from .busy_source import BusySource
from .calendar_feed_in import CalendarFeedIn
from .calibration import Calibration
from .call_report import CallReport
from .cancel_in import CancelIn
from .candidate_advanced_webhook import CandidateAdvancedWebhook
from .candidate_book_in import CandidateBookIn
from .candidate_decision_data import CandidateDecisionData
from .candidate_export import CandidateExport
from .candidate_export_consents_item import CandidateExportConsentsItem
from .candidate_identity import CandidateIdentity
from .candidate_interview import CandidateInterview
from .candidate_interview_prompt_captions import CandidateInterviewPromptCaptions
from .candidate_interview_prompt_videos import CandidateInterviewPromptVideos
from .candidate_interview_state import CandidateInterviewState
from .candidate_language import CandidateLanguage
from .candidate_language_available_item import CandidateLanguageAvailableItem
from .candidate_language_chosen_type_0 import CandidateLanguageChosenType0
from .candidate_language_default import CandidateLanguageDefault
from .candidate_language_in import CandidateLanguageIn
from .candidate_language_in_language import CandidateLanguageInLanguage
from .candidate_language_language import CandidateLanguageLanguage
from .candidate_rejected_webhook import CandidateRejectedWebhook
from .candidate_request import CandidateRequest
from .candidate_request_language_type_0 import CandidateRequestLanguageType0
from .candidate_request_status import CandidateRequestStatus
from .candidate_reschedule_in import CandidateRescheduleIn
from .candidate_room import CandidateRoom
from .candidate_room_lobby import CandidateRoomLobby
from .candidate_room_status import CandidateRoomStatus
from .candidate_transcript import CandidateTranscript
from .candidate_transcript_status import CandidateTranscriptStatus
from .candidate_transcripts import CandidateTranscripts
from .candidate_transcripts_setting import CandidateTranscriptsSetting
from .choice_answer import ChoiceAnswer
from .comment_in import CommentIn
from .comment_out import CommentOut
from .comment_page import CommentPage
from .complete_attempt import CompleteAttempt
from .conferencing import Conferencing
from .connection_check import ConnectionCheck
from .consent_in import ConsentIn
from .contacts_in import ContactsIn
from .contacts_out import ContactsOut
from .criterion import Criterion
from .criterion_anchors import CriterionAnchors
from .criterion_calibration import CriterionCalibration
from .date_override import DateOverride
from .dead_letter import DeadLetter
from .dead_letter_page import DeadLetterPage
from .dead_letters_v1_ops_dead_letters_get_status_type_0 import DeadLettersV1OpsDeadLettersGetStatusType0
from .decision_in import DecisionIn
from .decision_in_outcome import DecisionInOutcome
from .decision_out import DecisionOut
from .decision_out_outcome import DecisionOutOutcome
from .decision_out_previous_type_0 import DecisionOutPreviousType0
from .decision_page import DecisionPage
from .decision_record import DecisionRecord
from .decision_record_outcome import DecisionRecordOutcome
from .decision_record_previous_type_0 import DecisionRecordPreviousType0
from .delivery_log import DeliveryLog
from .delivery_log_status import DeliveryLogStatus
from .delivery_out import DeliveryOut
from .delivery_out_status import DeliveryOutStatus
from .delivery_page import DeliveryPage
from .durations import Durations
from .endpoint_created import EndpointCreated
from .endpoint_in import EndpointIn
from .endpoint_in_event_types_item import EndpointInEventTypesItem
from .endpoint_out import EndpointOut
from .endpoint_page import EndpointPage
from .endpoint_update import EndpointUpdate
from .endpoint_update_event_types_type_0_item import EndpointUpdateEventTypesType0Item
from .erasure_in import ErasureIn
from .erasure_out import ErasureOut
from .event_type_out import EventTypeOut
from .event_type_out_data_schema import EventTypeOutDataSchema
from .extension import Extension
from .feedback_accepted import FeedbackAccepted
from .feedback_in import FeedbackIn
from .feedback_in_recommendation import FeedbackInRecommendation
from .greenhouse_candidate import GreenhouseCandidate
from .handoff_in import HandoffIn
from .http_validation_error import HTTPValidationError
from .ice_server import IceServer
from .ingest_written_answer import IngestWrittenAnswer
from .ingest_written_answer_kind import IngestWrittenAnswerKind
from .interview_cancelled_data import InterviewCancelledData
from .interview_cancelled_data_cancelled_by import InterviewCancelledDataCancelledBy
from .interview_cancelled_webhook import InterviewCancelledWebhook
from .interview_completed_data import InterviewCompletedData
from .interview_completed_webhook import InterviewCompletedWebhook
from .interview_note import InterviewNote
from .interview_participant_joined_data import InterviewParticipantJoinedData
from .interview_participant_joined_data_role import InterviewParticipantJoinedDataRole
from .interview_participant_joined_webhook import InterviewParticipantJoinedWebhook
from .interview_participant_left_data import InterviewParticipantLeftData
from .interview_participant_left_data_role import InterviewParticipantLeftDataRole
from .interview_participant_left_webhook import InterviewParticipantLeftWebhook
from .interview_recording import InterviewRecording
from .interview_recording_status import InterviewRecordingStatus
from .interview_rescheduled_data import InterviewRescheduledData
from .interview_rescheduled_data_rescheduled_by import InterviewRescheduledDataRescheduledBy
from .interview_rescheduled_webhook import InterviewRescheduledWebhook
from .interview_scheduled_data import InterviewScheduledData
from .interview_scheduled_data_scheduled_by import InterviewScheduledDataScheduledBy
from .interview_scheduled_webhook import InterviewScheduledWebhook
from .interview_score import InterviewScore
from .interview_stage import InterviewStage
from .interview_type import InterviewType
from .interview_type_in import InterviewTypeIn
from .interview_type_in_mode import InterviewTypeInMode
from .interview_type_in_slot_step_minutes import InterviewTypeInSlotStepMinutes
from .interview_type_mode import InterviewTypeMode
from .interview_type_page import InterviewTypePage
from .interview_type_slot_step_minutes import InterviewTypeSlotStepMinutes
from .interviewer import Interviewer
from .interviewer_in import InterviewerIn
from .interviewer_in_weekly import InterviewerInWeekly
from .interviewer_page import InterviewerPage
from .interviewer_weekly import InterviewerWeekly
from .invitation_completed_data import InvitationCompletedData
from .invitation_completed_webhook import InvitationCompletedWebhook
from .invitation_created_out import InvitationCreatedOut
from .invitation_created_out_history_item import InvitationCreatedOutHistoryItem
from .invitation_created_out_state import InvitationCreatedOutState
from .invitation_in import InvitationIn
from .invitation_out import InvitationOut
from .invitation_out_history_item import InvitationOutHistoryItem
from .invitation_out_state import InvitationOutState
from .invitation_page import InvitationPage
from .invite_decision import InviteDecision
from .invite_decision_outcome import InviteDecisionOutcome
from .invite_get_template_kind import InviteGetTemplateKind
from .invite_list_invitations_state_type_0 import InviteListInvitationsStateType0
from .invite_put_template_kind import InvitePutTemplateKind
from .invite_response_error_response_invite_response_error import InviteResponseErrorResponseInviteResponseError
from .invite_written_answer import InviteWrittenAnswer
from .invite_written_answer_kind import InviteWrittenAnswerKind
from .join import Join
from .join_ice_transport_policy import JoinIceTransportPolicy
from .join_role import JoinRole
from .join_url_in import JoinUrlIn
from .login import Login
from .me import Me
from .member import Member
from .note import Note
from .note_in import NoteIn
from .note_page import NotePage
from .notice import Notice
from .oidc_provider_in import OidcProviderIn
from .oidc_provider_in_default_roles_item import OidcProviderInDefaultRolesItem
from .oidc_provider_in_role_map import OidcProviderInRoleMap
from .oidc_provider_in_role_map_additional_property_item import OidcProviderInRoleMapAdditionalPropertyItem
from .oidc_provider_out import OidcProviderOut
from .oidc_provider_out_role_map import OidcProviderOutRoleMap
from .open_attempt import OpenAttempt
from .open_attempt_mode import OpenAttemptMode
from .partner_test import PartnerTest
from .period import Period
from .playback import Playback
from .position_in import PositionIn
from .position_out import PositionOut
from .position_out_counts import PositionOutCounts
from .position_out_decisions import PositionOutDecisions
from .position_page import PositionPage
from .probe_accepted import ProbeAccepted
from .probe_request import ProbeRequest
from .probe_result import ProbeResult
from .problem import Problem
from .problem_errors_type_0_item import ProblemErrorsType0Item
from .progress import Progress
from .progress_history_item import ProgressHistoryItem
from .progress_state import ProgressState
from .prompt_video_in import PromptVideoIn
from .prompt_video_in_content_type import PromptVideoInContentType
from .prompt_video_upload import PromptVideoUpload
from .question import Question
from .question_in import QuestionIn
from .question_in_kind import QuestionInKind
from .question_kind import QuestionKind
from .question_outline import QuestionOutline
from .question_outline_kind import QuestionOutlineKind
from .question_set_in import QuestionSetIn
from .question_set_out import QuestionSetOut
from .question_set_out_captions import QuestionSetOutCaptions
from .question_set_page import QuestionSetPage
from .rating_in import RatingIn
from .recording import Recording
from .recording_consent_in import RecordingConsentIn
from .recording_notice import RecordingNotice
from .recording_ready_data import RecordingReadyData
from .recording_ready_webhook import RecordingReadyWebhook
from .recording_status import RecordingStatus
from .rendition_info import RenditionInfo
from .replay_in import ReplayIn
from .replay_out import ReplayOut
from .request_in import RequestIn
from .request_in_language_type_0 import RequestInLanguageType0
from .request_page import RequestPage
from .reschedule_in import RescheduleIn
from .response_error_in import ResponseErrorIn
from .retention_entry import RetentionEntry
from .retention_policy import RetentionPolicy
from .retention_schedule import RetentionSchedule
from .revealed_question import RevealedQuestion
from .revealed_question_kind import RevealedQuestionKind
from .revealed_questions import RevealedQuestions
from .review_decision import ReviewDecision
from .review_decision_outcome import ReviewDecisionOutcome
from .review_in import ReviewIn
from .review_in_recommendation import ReviewInRecommendation
from .review_list_submissions_decision_type_0 import ReviewListSubmissionsDecisionType0
from .review_list_submissions_sort import ReviewListSubmissionsSort
from .review_list_submissions_status_type_0 import ReviewListSubmissionsStatusType0
from .review_out import ReviewOut
from .review_out_recommendation import ReviewOutRecommendation
from .review_settings_in import ReviewSettingsIn
from .review_settings_out import ReviewSettingsOut
from .review_time import ReviewTime
from .reviewer_offset import ReviewerOffset
from .reviewer_time import ReviewerTime
from .room import Room
from .room_lobby import RoomLobby
from .room_recording_state_type_0 import RoomRecordingStateType0
from .room_status import RoomStatus
from .rubric import Rubric
from .rubric_in import RubricIn
from .rubric_out import RubricOut
from .rubric_ref import RubricRef
from .saml_provider_in import SamlProviderIn
from .saml_provider_in_default_roles_item import SamlProviderInDefaultRolesItem
from .saml_provider_in_role_map import SamlProviderInRoleMap
from .saml_provider_in_role_map_additional_property_item import SamlProviderInRoleMapAdditionalPropertyItem
from .saml_provider_out import SamlProviderOut
from .saml_provider_out_role_map import SamlProviderOutRoleMap
from .scheduling_list_requests_status_type_0 import SchedulingListRequestsStatusType0
from .scheduling_request import SchedulingRequest
from .scheduling_request_status import SchedulingRequestStatus
from .scim_token_out import ScimTokenOut
from .score_in import ScoreIn
from .scorecard import Scorecard
from .scorecard_recommendation import ScorecardRecommendation
from .scores import Scores
from .scores_criteria import ScoresCriteria
from .scores_recommendations import ScoresRecommendations
from .search_hit import SearchHit
from .search_result import SearchResult
from .secret_rotated import SecretRotated
from .segment_out import SegmentOut
from .selection_report import SelectionReport
from .selection_row import SelectionRow
from .selection_setting import SelectionSetting
from .selection_stage import SelectionStage
from .selection_stage_dimensions import SelectionStageDimensions
from .selection_stage_stage import SelectionStageStage
from .self_report_in import SelfReportIn
from .self_report_in_race_ethnicity_type_0 import SelfReportInRaceEthnicityType0
from .self_report_in_sex_type_0 import SelfReportInSexType0
from .self_report_out import SelfReportOut
from .self_report_out_race_ethnicity_type_0 import SelfReportOutRaceEthnicityType0
from .self_report_out_sex_type_0 import SelfReportOutSexType0
from .send_test_in import SendTestIn
from .send_test_out import SendTestOut
from .service_status import ServiceStatus
from .service_status_checks import ServiceStatusChecks
from .service_status_handled import ServiceStatusHandled
from .share_created import ShareCreated
from .share_in import ShareIn
from .share_list import ShareList
from .share_out import ShareOut
from .shared_answer import SharedAnswer
from .shared_answer_kind import SharedAnswerKind
from .shared_answer_status import SharedAnswerStatus
from .shared_submission import SharedSubmission
from .side_by_side import SideBySide
from .side_by_side_item import SideBySideItem
from .side_by_side_item_criteria import SideBySideItemCriteria
from .sign_in_options import SignInOptions
from .sign_in_policy_in import SignInPolicyIn
from .sign_in_policy_out import SignInPolicyOut
from .signed_out import SignedOut
from .slot import Slot
from .slot_list import SlotList
from .slot_taken import SlotTaken
from .slot_taken_errors_type_0_item import SlotTakenErrorsType0Item
from .stored_chunk import StoredChunk
from .stored_chunks import StoredChunks
from .submission_out import SubmissionOut
from .submission_out_status import SubmissionOutStatus
from .submission_page import SubmissionPage
from .submission_row import SubmissionRow
from .submission_row_decision_type_0 import SubmissionRowDecisionType0
from .submission_row_status import SubmissionRowStatus
from .template_in import TemplateIn
from .template_out import TemplateOut
from .template_out_kind import TemplateOutKind
from .tenant_created import TenantCreated
from .tenant_in import TenantIn
from .tenant_language import TenantLanguage
from .tenant_language_language import TenantLanguageLanguage
from .test_status_out import TestStatusOut
from .test_status_out_metadata import TestStatusOutMetadata
from .test_status_out_partner_status import TestStatusOutPartnerStatus
from .text_answer import TextAnswer
from .thumbnails import Thumbnails
from .time_range import TimeRange
from .token import Token
from .transcript_export import TranscriptExport
from .transcript_out import TranscriptOut
from .transcript_out_status import TranscriptOutStatus
from .upload_url import UploadUrl
from .upload_url_request import UploadUrlRequest
from .upload_urls import UploadUrls
from .user_in import UserIn
from .user_in_roles_item import UserInRolesItem
from .user_out import UserOut
from .user_page import UserPage
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .viewing_in import ViewingIn
from .viewing_out import ViewingOut
from .webhooks_list_deliveries_status_type_0 import WebhooksListDeliveriesStatusType0
from .withdrawal import Withdrawal
from .word_out import WordOut
from .written_answers import WrittenAnswers

__all__ = (
    "Accommodations",
    "AccommodationsIn",
    "Answer",
    "AnswerKind",
    "AnswerRenditionsType0Item",
    "AnswerStatus",
    "AnswerThumbnailsType0",
    "ApiKeyCreated",
    "ApiKeyIn",
    "ApiKeyInScopesItem",
    "ApiKeyOut",
    "ApiKeyPage",
    "Attempt",
    "AttemptList",
    "AttemptMode",
    "AttemptOut",
    "AttemptStatus",
    "Audio",
    "AudioLevel",
    "AuditEntry",
    "AuditEntrySubjects",
    "AuditPage",
    "BodyAcsV1AuthSamlAcsPost",
    "BookIn",
    "Booking",
    "BulkResult",
    "BulkRow",
    "BulkRowStatus",
    "Busy",
    "BusyIn",
    "BusySource",
    "CalendarFeedIn",
    "Calibration",
    "CallReport",
    "CancelIn",
    "CandidateAdvancedWebhook",
    "CandidateBookIn",
    "CandidateDecisionData",
    "CandidateExport",
    "CandidateExportConsentsItem",
    "CandidateIdentity",
    "CandidateInterview",
    "CandidateInterviewPromptCaptions",
    "CandidateInterviewPromptVideos",
    "CandidateInterviewState",
    "CandidateLanguage",
    "CandidateLanguageAvailableItem",
    "CandidateLanguageChosenType0",
    "CandidateLanguageDefault",
    "CandidateLanguageIn",
    "CandidateLanguageInLanguage",
    "CandidateLanguageLanguage",
    "CandidateRejectedWebhook",
    "CandidateRequest",
    "CandidateRequestLanguageType0",
    "CandidateRequestStatus",
    "CandidateRescheduleIn",
    "CandidateRoom",
    "CandidateRoomLobby",
    "CandidateRoomStatus",
    "CandidateTranscript",
    "CandidateTranscripts",
    "CandidateTranscriptsSetting",
    "CandidateTranscriptStatus",
    "ChoiceAnswer",
    "CommentIn",
    "CommentOut",
    "CommentPage",
    "CompleteAttempt",
    "Conferencing",
    "ConnectionCheck",
    "ConsentIn",
    "ContactsIn",
    "ContactsOut",
    "Criterion",
    "CriterionAnchors",
    "CriterionCalibration",
    "DateOverride",
    "DeadLetter",
    "DeadLetterPage",
    "DeadLettersV1OpsDeadLettersGetStatusType0",
    "DecisionIn",
    "DecisionInOutcome",
    "DecisionOut",
    "DecisionOutOutcome",
    "DecisionOutPreviousType0",
    "DecisionPage",
    "DecisionRecord",
    "DecisionRecordOutcome",
    "DecisionRecordPreviousType0",
    "DeliveryLog",
    "DeliveryLogStatus",
    "DeliveryOut",
    "DeliveryOutStatus",
    "DeliveryPage",
    "Durations",
    "EndpointCreated",
    "EndpointIn",
    "EndpointInEventTypesItem",
    "EndpointOut",
    "EndpointPage",
    "EndpointUpdate",
    "EndpointUpdateEventTypesType0Item",
    "ErasureIn",
    "ErasureOut",
    "EventTypeOut",
    "EventTypeOutDataSchema",
    "Extension",
    "FeedbackAccepted",
    "FeedbackIn",
    "FeedbackInRecommendation",
    "GreenhouseCandidate",
    "HandoffIn",
    "HTTPValidationError",
    "IceServer",
    "IngestWrittenAnswer",
    "IngestWrittenAnswerKind",
    "InterviewCancelledData",
    "InterviewCancelledDataCancelledBy",
    "InterviewCancelledWebhook",
    "InterviewCompletedData",
    "InterviewCompletedWebhook",
    "Interviewer",
    "InterviewerIn",
    "InterviewerInWeekly",
    "InterviewerPage",
    "InterviewerWeekly",
    "InterviewNote",
    "InterviewParticipantJoinedData",
    "InterviewParticipantJoinedDataRole",
    "InterviewParticipantJoinedWebhook",
    "InterviewParticipantLeftData",
    "InterviewParticipantLeftDataRole",
    "InterviewParticipantLeftWebhook",
    "InterviewRecording",
    "InterviewRecordingStatus",
    "InterviewRescheduledData",
    "InterviewRescheduledDataRescheduledBy",
    "InterviewRescheduledWebhook",
    "InterviewScheduledData",
    "InterviewScheduledDataScheduledBy",
    "InterviewScheduledWebhook",
    "InterviewScore",
    "InterviewStage",
    "InterviewType",
    "InterviewTypeIn",
    "InterviewTypeInMode",
    "InterviewTypeInSlotStepMinutes",
    "InterviewTypeMode",
    "InterviewTypePage",
    "InterviewTypeSlotStepMinutes",
    "InvitationCompletedData",
    "InvitationCompletedWebhook",
    "InvitationCreatedOut",
    "InvitationCreatedOutHistoryItem",
    "InvitationCreatedOutState",
    "InvitationIn",
    "InvitationOut",
    "InvitationOutHistoryItem",
    "InvitationOutState",
    "InvitationPage",
    "InviteDecision",
    "InviteDecisionOutcome",
    "InviteGetTemplateKind",
    "InviteListInvitationsStateType0",
    "InvitePutTemplateKind",
    "InviteResponseErrorResponseInviteResponseError",
    "InviteWrittenAnswer",
    "InviteWrittenAnswerKind",
    "Join",
    "JoinIceTransportPolicy",
    "JoinRole",
    "JoinUrlIn",
    "Login",
    "Me",
    "Member",
    "Note",
    "NoteIn",
    "NotePage",
    "Notice",
    "OidcProviderIn",
    "OidcProviderInDefaultRolesItem",
    "OidcProviderInRoleMap",
    "OidcProviderInRoleMapAdditionalPropertyItem",
    "OidcProviderOut",
    "OidcProviderOutRoleMap",
    "OpenAttempt",
    "OpenAttemptMode",
    "PartnerTest",
    "Period",
    "Playback",
    "PositionIn",
    "PositionOut",
    "PositionOutCounts",
    "PositionOutDecisions",
    "PositionPage",
    "ProbeAccepted",
    "ProbeRequest",
    "ProbeResult",
    "Problem",
    "ProblemErrorsType0Item",
    "Progress",
    "ProgressHistoryItem",
    "ProgressState",
    "PromptVideoIn",
    "PromptVideoInContentType",
    "PromptVideoUpload",
    "Question",
    "QuestionIn",
    "QuestionInKind",
    "QuestionKind",
    "QuestionOutline",
    "QuestionOutlineKind",
    "QuestionSetIn",
    "QuestionSetOut",
    "QuestionSetOutCaptions",
    "QuestionSetPage",
    "RatingIn",
    "Recording",
    "RecordingConsentIn",
    "RecordingNotice",
    "RecordingReadyData",
    "RecordingReadyWebhook",
    "RecordingStatus",
    "RenditionInfo",
    "ReplayIn",
    "ReplayOut",
    "RequestIn",
    "RequestInLanguageType0",
    "RequestPage",
    "RescheduleIn",
    "ResponseErrorIn",
    "RetentionEntry",
    "RetentionPolicy",
    "RetentionSchedule",
    "RevealedQuestion",
    "RevealedQuestionKind",
    "RevealedQuestions",
    "ReviewDecision",
    "ReviewDecisionOutcome",
    "ReviewerOffset",
    "ReviewerTime",
    "ReviewIn",
    "ReviewInRecommendation",
    "ReviewListSubmissionsDecisionType0",
    "ReviewListSubmissionsSort",
    "ReviewListSubmissionsStatusType0",
    "ReviewOut",
    "ReviewOutRecommendation",
    "ReviewSettingsIn",
    "ReviewSettingsOut",
    "ReviewTime",
    "Room",
    "RoomLobby",
    "RoomRecordingStateType0",
    "RoomStatus",
    "Rubric",
    "RubricIn",
    "RubricOut",
    "RubricRef",
    "SamlProviderIn",
    "SamlProviderInDefaultRolesItem",
    "SamlProviderInRoleMap",
    "SamlProviderInRoleMapAdditionalPropertyItem",
    "SamlProviderOut",
    "SamlProviderOutRoleMap",
    "SchedulingListRequestsStatusType0",
    "SchedulingRequest",
    "SchedulingRequestStatus",
    "ScimTokenOut",
    "Scorecard",
    "ScorecardRecommendation",
    "ScoreIn",
    "Scores",
    "ScoresCriteria",
    "ScoresRecommendations",
    "SearchHit",
    "SearchResult",
    "SecretRotated",
    "SegmentOut",
    "SelectionReport",
    "SelectionRow",
    "SelectionSetting",
    "SelectionStage",
    "SelectionStageDimensions",
    "SelectionStageStage",
    "SelfReportIn",
    "SelfReportInRaceEthnicityType0",
    "SelfReportInSexType0",
    "SelfReportOut",
    "SelfReportOutRaceEthnicityType0",
    "SelfReportOutSexType0",
    "SendTestIn",
    "SendTestOut",
    "ServiceStatus",
    "ServiceStatusChecks",
    "ServiceStatusHandled",
    "ShareCreated",
    "SharedAnswer",
    "SharedAnswerKind",
    "SharedAnswerStatus",
    "SharedSubmission",
    "ShareIn",
    "ShareList",
    "ShareOut",
    "SideBySide",
    "SideBySideItem",
    "SideBySideItemCriteria",
    "SignedOut",
    "SignInOptions",
    "SignInPolicyIn",
    "SignInPolicyOut",
    "Slot",
    "SlotList",
    "SlotTaken",
    "SlotTakenErrorsType0Item",
    "StoredChunk",
    "StoredChunks",
    "SubmissionOut",
    "SubmissionOutStatus",
    "SubmissionPage",
    "SubmissionRow",
    "SubmissionRowDecisionType0",
    "SubmissionRowStatus",
    "TemplateIn",
    "TemplateOut",
    "TemplateOutKind",
    "TenantCreated",
    "TenantIn",
    "TenantLanguage",
    "TenantLanguageLanguage",
    "TestStatusOut",
    "TestStatusOutMetadata",
    "TestStatusOutPartnerStatus",
    "TextAnswer",
    "Thumbnails",
    "TimeRange",
    "Token",
    "TranscriptExport",
    "TranscriptOut",
    "TranscriptOutStatus",
    "UploadUrl",
    "UploadUrlRequest",
    "UploadUrls",
    "UserIn",
    "UserInRolesItem",
    "UserOut",
    "UserPage",
    "ValidationError",
    "ValidationErrorContext",
    "ViewingIn",
    "ViewingOut",
    "WebhooksListDeliveriesStatusType0",
    "Withdrawal",
    "WordOut",
    "WrittenAnswers",
)
