import type { Node } from 'yaml';
import { knownText, removeListItem, securityOption } from '../../documents/compose-runtime';
import { seqItems } from '../../documents/compose-values';
import { defineComposeRule } from '../../rule';

export default defineComposeRule({
  meta: {
    id: 'confinement-disabled',
    code: 'DG208',
    severity: 'error',
    category: 'isolation',
    title: 'Seccomp, AppArmor or SELinux confinement switched off',
    description:
      'Docker confines every container with a seccomp filter, an AppArmor profile or SELinux labels, and masks kernel paths under /proc and /sys; `security_opt` items such as `seccomp:unconfined` remove that layer, which is what stops many kernel exploits.',
    references: {
      cis: '5.1, 5.2, 5.21',
      compose: 'services.<name>.security_opt',
      kics: ['default_seccomp_profile_disabled', 'seccomp_disabled'],
      composeLint: ['CL-0009'],
    },
    messages: {
      unconfined: '{{option}} {{risk}}; {{remedy}}.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const seen = new Set<Node>();
    for (const service of model.services) {
      const entry = service.get('security_opt');
      if (!entry) continue;
      for (const item of seqItems(model, entry.value)) {
        if (seen.has(item)) continue; // a list in an anchor: reported once, where it is written
        seen.add(item);
        const text = knownText(model, item);
        const risk = text === undefined ? undefined : unconfinedRisk(text);
        if (!risk) continue;
        const edit = removeListItem(model, service, entry.pair, item);
        report({
          range: model.rangeOf(item),
          messageId: 'unconfined',
          data: { option: text!, risk: risk.risk, remedy: risk.remedy },
          fixes: edit ? [{ title: `Remove ${text} from security_opt`, kind: 'suggestion', edits: [edit] }] : [],
        });
      }
    }
  },
});

/** What an unconfining option takes away; undefined for options that keep (or tighten) confinement. */
function unconfinedRisk(text: string): { risk: string; remedy: string } | undefined {
  const { key, value } = securityOption(text);
  const setting = value.toLowerCase();
  if (key === 'seccomp' && setting === 'unconfined') {
    return {
      risk: 'switches off the seccomp filter, opening the system calls (keyctl, bpf, unshare, …) that kernel exploits use to escape',
      remedy: 'remove it, or give seccomp a profile that allows only the extra calls the service needs',
    };
  }
  if (key === 'apparmor' && setting === 'unconfined') {
    return {
      risk: 'removes the AppArmor profile that keeps the container from mounting filesystems and writing to /proc and /sys',
      remedy: 'remove it, or name a profile of your own',
    };
  }
  if (key === 'label' && setting === 'disable') {
    return {
      risk: 'turns off SELinux separation, so host files and processes are no longer protected from the container',
      remedy: 'remove it, and relabel the volumes the service needs (:z or :Z) instead',
    };
  }
  if (key === 'label' && setting.replace(/\s/g, '') === 'type:spc_t') {
    return {
      risk: 'runs the container as an SELinux super-privileged container (spc_t), which SELinux does not confine',
      remedy: 'remove it, and relabel the volumes the service needs (:z or :Z) instead',
    };
  }
  if (key === 'systempaths' && setting === 'unconfined') {
    return { risk: 'unmasks /proc and /sys paths (/proc/kcore, /sys/firmware, …) that expose the host kernel to the container', remedy: 'remove it' };
  }
  return undefined;
}
