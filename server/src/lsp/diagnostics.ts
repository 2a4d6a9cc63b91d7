import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../engine';
import { ruleDocsUrl } from '../docs-location';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export const SOURCE = 'dockguard';

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.code,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    message: finding.message,
    // A grouped finding names the rules it stands for, by code, for clients and tests to look into.
    data: finding.grouped ? { ruleId: finding.ruleId, grouped: finding.grouped.map((m) => m.code) } : { ruleId: finding.ruleId },
  };
}
