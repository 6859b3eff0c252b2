// Every action name OCPP 1.6, 2.0.1 and 2.1 define: labels in /metrics use these and put any
// other (vendor-specific or made-up) name under `other`, so a peer cannot grow the label set.

const OCPP16 = [
  'Authorize', 'BootNotification', 'CancelReservation', 'ChangeAvailability', 'ChangeConfiguration', 'ClearCache',
  'ClearChargingProfile', 'DataTransfer', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification', 'GetCompositeSchedule',
  'GetConfiguration', 'GetDiagnostics', 'GetLocalListVersion', 'Heartbeat', 'MeterValues', 'RemoteStartTransaction',
  'RemoteStopTransaction', 'ReserveNow', 'Reset', 'SendLocalList', 'SetChargingProfile', 'StartTransaction', 'StatusNotification',
  'StopTransaction', 'TriggerMessage', 'UnlockConnector', 'UpdateFirmware',
  // Security extension (1.6 security whitepaper)
  'CertificateSigned', 'DeleteCertificate', 'ExtendedTriggerMessage', 'GetInstalledCertificateIds', 'GetLog', 'InstallCertificate',
  'LogStatusNotification', 'SecurityEventNotification', 'SignCertificate', 'SignedFirmwareStatusNotification', 'SignedUpdateFirmware',
];

const OCPP201 = [
  'Authorize', 'BootNotification', 'CancelReservation', 'CertificateSigned', 'ChangeAvailability', 'ClearCache', 'ClearChargingProfile',
  'ClearDisplayMessage', 'ClearedChargingLimit', 'ClearVariableMonitoring', 'CostUpdated', 'CustomerInformation', 'DataTransfer',
  'DeleteCertificate', 'FirmwareStatusNotification', 'Get15118EVCertificate', 'GetBaseReport', 'GetCertificateStatus',
  'GetChargingProfiles', 'GetCompositeSchedule', 'GetDisplayMessages', 'GetInstalledCertificateIds', 'GetLocalListVersion', 'GetLog',
  'GetMonitoringReport', 'GetReport', 'GetTransactionStatus', 'GetVariables', 'Heartbeat', 'InstallCertificate', 'LogStatusNotification',
  'MeterValues', 'NotifyChargingLimit', 'NotifyCustomerInformation', 'NotifyDisplayMessages', 'NotifyEVChargingNeeds',
  'NotifyEVChargingSchedule', 'NotifyEvent', 'NotifyMonitoringReport', 'NotifyReport', 'PublishFirmware',
  'PublishFirmwareStatusNotification', 'ReportChargingProfiles', 'RequestStartTransaction', 'RequestStopTransaction',
  'ReservationStatusUpdate', 'ReserveNow', 'Reset', 'SecurityEventNotification', 'SendLocalList', 'SetChargingProfile',
  'SetDisplayMessage', 'SetMonitoringBase', 'SetMonitoringLevel', 'SetNetworkProfile', 'SetVariableMonitoring', 'SetVariables',
  'SignCertificate', 'StatusNotification', 'TransactionEvent', 'TriggerMessage', 'UnlockConnector', 'UnpublishFirmware', 'UpdateFirmware',
];

const OCPP21_ADDED = [
  'AdjustPeriodicEventStream', 'AFRRSignal', 'BatterySwap', 'ChangeTransactionTariff', 'ClearDERControl', 'ClearTariffs',
  'ClosePeriodicEventStream', 'GetCertificateChainStatus', 'GetDERControl', 'GetPeriodicEventStream', 'GetTariffs',
  'NotifyAllowedEnergyTransfer', 'NotifyDERAlarm', 'NotifyDERStartStop', 'NotifyPeriodicEventStream', 'NotifyPriorityCharging',
  'NotifySettlement', 'NotifyWebPaymentStarted', 'OpenPeriodicEventStream', 'PullDynamicScheduleUpdate', 'ReportDERControl',
  'RequestBatterySwap', 'SetDefaultTariff', 'SetDERControl', 'UpdateDynamicSchedule', 'UsePriorityCharging', 'VatNumberValidation',
];

export const KNOWN_ACTIONS: ReadonlySet<string> = new Set([...OCPP16, ...OCPP201, ...OCPP21_ADDED]);

/** The action as a metrics label: itself when OCPP defines it, else `other`. */
export function actionLabel(action: string | null): string {
  if (action === null) return '';
  return KNOWN_ACTIONS.has(action) ? action : 'other';
}

/**
 * Calls that steer charging (or free the cable): two backends sending them fight over the
 * charger. The one list for `check`'s warning, the policy and the sharing arbiter.
 */
export const CHARGING_CONTROL_ACTIONS: ReadonlySet<string> = new Set([
  'RemoteStartTransaction',
  'RemoteStopTransaction',
  'RequestStartTransaction',
  'RequestStopTransaction',
  'SetChargingProfile',
  'ClearChargingProfile',
  'ChangeAvailability',
  'Reset',
  'UnlockConnector',
]);
