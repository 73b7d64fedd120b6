"""All models, imported so that both metadatas are complete whenever db.models is imported."""

from db.models.account import CentralAccount, LocalAccount
from db.models.agreement_instalment import CentralAgreementInstalment, LocalAgreementInstalment
from db.models.audit_event import CentralAuditEvent, LocalAuditEvent
from db.models.branch import CentralBranch, LocalBranch
from db.models.case_status import CentralCaseStatus, LocalCaseStatus
from db.models.claim import CentralClaim, LocalClaim
from db.models.claim_category import CentralClaimCategory, LocalClaimCategory
from db.models.contact_change import CentralContactChange, LocalContactChange
from db.models.credential import Credential, PinChallenge
from db.models.customer import CentralCustomer, LocalCustomer
from db.models.faq_entry import CentralFaqEntry, LocalFaqEntry
from db.models.heartbeat import Heartbeat
from db.models.invoice import CentralInvoice, LocalInvoice
from db.models.invoice_line import CentralInvoiceLine, LocalInvoiceLine
from db.models.kept_job import KeptPrintJob
from db.models.kiosk_login_failures import KioskLoginFailures
from db.models.kiosk_setting import CentralKioskSetting, LocalKioskSetting
from db.models.kiosk_state import KioskState
from db.models.login_policy import LoginPolicy
from db.models.login_throttle import LoginThrottle
from db.models.meter_reading import CentralMeterReading, LocalMeterReading
from db.models.outbox import OutboxEntry
from db.models.outgoing_message import OutgoingMessage
from db.models.payment import CentralPayment, LocalPayment
from db.models.payment_agreement import CentralPaymentAgreement, LocalPaymentAgreement
from db.models.pin_request import CentralPinRequest, LocalPinRequest
from db.models.plan import CentralPlan, LocalPlan
from db.models.print_log import CentralPrintLog, LocalPrintLog
from db.models.reading_submission import CentralReadingSubmission, LocalReadingSubmission
from db.models.reading_window import CentralReadingWindow, LocalReadingWindow
from db.models.service_request import CentralServiceRequest, LocalServiceRequest
from db.models.staff import CentralStaff, LocalStaff
from db.models.supply import CentralSupply, LocalSupply
from db.models.sync_checkpoint import SyncCheckpoint
from db.models.tombstone import Tombstone

__all__ = [
    "CentralAccount", "CentralAgreementInstalment", "CentralAuditEvent", "CentralBranch", "CentralCaseStatus",
    "CentralClaim", "CentralClaimCategory", "CentralContactChange", "CentralCustomer", "CentralFaqEntry",
    "CentralInvoice", "CentralInvoiceLine", "CentralKioskSetting", "CentralMeterReading", "CentralPayment",
    "CentralPaymentAgreement",
    "CentralPinRequest", "CentralPlan", "CentralPrintLog", "CentralReadingSubmission", "CentralReadingWindow",
    "CentralServiceRequest", "CentralStaff", "CentralSupply", "Credential", "Heartbeat", "KeptPrintJob",
    "KioskLoginFailures", "KioskState",
    "LocalAccount", "LocalAgreementInstalment", "LocalAuditEvent", "LocalBranch", "LocalCaseStatus",
    "LocalClaim", "LocalClaimCategory", "LocalContactChange", "LocalCustomer", "LocalFaqEntry", "LocalInvoice",
    "LocalInvoiceLine", "LocalKioskSetting", "LocalMeterReading", "LocalPayment", "LocalPaymentAgreement",
    "LocalPinRequest",
    "LocalPlan", "LocalPrintLog", "LocalReadingSubmission", "LocalReadingWindow", "LocalServiceRequest",
    "LocalStaff", "LocalSupply", "LoginPolicy", "LoginThrottle", "OutboxEntry", "OutgoingMessage", "PinChallenge",
    "SyncCheckpoint", "Tombstone",
]
