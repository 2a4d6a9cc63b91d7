// Deliberate deviations from the peers' own test cases (notes: gaps.md §D): where dockguard decides a peer's case
// differently on purpose. docs/rules/README.md's mapping table lists them beside each rule (`npm run sync-manifest`);
// test/unit/manifest.test.ts checks every entry names a registered rule. Add yours when your rule lands.
export const PEER_DEVIATIONS: Record<string, string[]> = {
  'root-user': [
    'hadolint DL3002: a builder stage that ends as root is silent when the final stage is not root (only the final stage runs)',
    'hadolint DL3002: a final stage with no USER at all fires (hadolint only reports an explicit USER root; CIS 4.1)',
    'Checkov CKV_DOCKER_3: an ENTRYPOINT (or entrypoint script) that drops to a user with gosu fires as information, not silent (the container still starts as root; USER does the same without it)',
  ],
  'unpinned-base-image': ['hadolint DL3006, Trivy DS001: FROM ${VALUE} with no ARG default is reported as unknown (unknown is not safe)'],
  'package-cache-kept': [
    'hadolint DL3019/DL3032/DL3040, KICS, Trivy: caches are reported in the final stage and the stages it builds on, not in builder stages that ship nothing',
    'hadolint DL3042: PIP_NO_CACHE_DIR set to a false value (0, off, no, false) is silent (pip turns its cache off for any boolean value, for compatibility)',
    'KICS apk_add_using_local_cache_path: an ONBUILD RUN pip install of the same file fires too (the pip cache it keeps is another cache this rule reports)',
  ],
  'package-manager-interactive': [
    'KICS missing_zypper_non_interactive_switch: a zypper install without -n in a builder stage fires (the build stops at the prompt whatever the stage)',
  ],
  'ssh-server': ['Trivy DS004: EXPOSE 22/udp is silent (SSH is TCP)', 'KICS, Checkov CKV_DOCKER_1: EXPOSE 22 in a builder stage is silent'],
  'add-instead-of-copy': [
    'Trivy DS005, Checkov CKV_DOCKER_4: ADD of a local .tgz/.gz is silent (ADD extracts it; COPY would not)',
    'hadolint DL3020: ADD of a .zip fires (ADD does not extract zip)',
    'KICS add_instead_of_copy: ADD ${JAR_FILE} app.jar with the value unknown is silent (it may name a URL or an archive, which ADD handles and COPY does not)',
    'Trivy DS005: ADD file:<digest> in <dir> and ADD multi:<digest> in <dir> fire (that is the notation of image history; in a Dockerfile they name local files)',
  ],
  'distribution-upgrade': [
    'Trivy DS024: apt-get upgrade fires (it moves every installed package to build-day versions, as dist-upgrade does; hadolint DL3005 and Trivy report only dist-upgrade)',
  ],
  'add-remote-without-checksum': ['KICS curl_or_wget_instead_of_add: ADD https://… with --checksum is silent (the download is verified)'],
  'host-devices': [
    'compose-lint CL-0016: every host device fires (CIS 5.17: no host device directly in a container), disks, memory and ports as errors, the others (/dev/net/tun, /dev/snd, /dev/zero …) as warnings; compose-lint reports only the dangerous ones',
  ],
  'logging-disabled': [
    'compose-lint CL-0014: driver: None is silent (driver names are case-sensitive; Docker refuses to start with None, it does not disable logging)',
  ],
  'missing-cap-drop-all': [
    'KICS container_capabilities_unrestricted: a cap_drop without ALL fires (cap_drop: [SYS_CHROOT] keeps the other defaults; KICS accepts any cap_drop)',
  ],
  'confinement-disabled': [
    'KICS default_seccomp_profile_disabled, seccomp_disabled: security_opt label:seccomp:unconfined is silent (a SELinux label option Docker rejects at start, not a seccomp setting)',
  ],
  'missing-no-new-privileges': [
    'KICS security_opt_not_set: a security_opt without no-new-privileges fires (security_opt: [apparmor:unconfined] does not stop setuid escalation; KICS accepts any security_opt)',
  ],
  privileged: [
    'KICS privileged_containers_enabled: privileged: true under build (build.privileged) is silent (a privileged build needs an explicit BuildKit entitlement; the container does not run privileged)',
  ],
  'restart-policy-unbounded': [
    'KICS restart_policy_on_failure_not_set_to_5: on-failure with fewer than 5 attempts is silent (CIS 5.14 asks for at most 5; on-failure:3 is stricter)',
  ],
  'sensitive-host-mount': [
    'compose-lint CL-0025: a bind of any path under /usr fires (host programs and libraries: /usr/lib/python3 writable is code the host runs as root; read-only, it is disclosure compose-lint does not grade)',
    'KICS volume_has_sensitive_host_directory: a bind of /var/lib/backup/data or /var/data is silent (application data, not a host system or credential path; /etc, /var/lib/docker, /proc … fire)',
  ],
  'missing-resource-limits': [
    "compose-lint CL-0026: ${MEM:=0} is taken as set by the environment (:= is no default in compose's interpolation)",
    'KICS cpus_not_limited, memory_not_limited: with deploy or deploy.resources but no limits, the finding sits on the service name, beside the other missing baseline settings (KICS points at the deepest key present)',
  ],
  'dangerous-capability': [
    'KICS container_capabilities_unrestricted: cap_add of a harmless capability (CHOWN, NET_BIND_SERVICE) is silent',
    "compose-lint CL-0011: cap_add of DAC_OVERRIDE is silent (one of Docker's default capabilities; missing-cap-drop-all reports the defaults kept)",
  ],
  'port-on-all-interfaces': [
    'compose-lint CL-0005: a container port alone ("80") fires (Docker publishes it on a random host port on every interface)',
    'KICS container_traffic_not_bound_to_host_interface: a long-syntax port with host_ip set is judged by host_ip',
  ],
  'mount-propagation-shared': ['KICS: slave and rslave propagation are silent (the host sees none of the container mounts)'],
  'plaintext-secret': [
    'compose-lint CL-0021: a URL with ${USER}:literal-password@ fires (the password is a literal)',
    'compose-lint CL-0020: SESSION_SALT, SENTRY_DSN and a value around a variable (prefix-${TOKEN}) are silent (a salt is no secret, a Sentry DSN is public by design, the secret part comes from the environment)',
    'compose-lint CL-0020: LICENSE_KEY fires (a license key is a credential to a paid product)',
    'compose-lint CL-0020: TOKEN_TTL and other lifetime knobs are silent whatever their value (a lifetime, not a token)',
  ],
  'missing-pipefail': [
    'KICS shell_running_a_pipe_without_pipefail_flag: a pipe run by plain sh (RUN pwsh a | b under the default shell) fires',
    'KICS shell_running_a_pipe_without_pipefail_flag: a "|" element of a direct exec form is silent (no shell runs it)',
    'hadolint DL4006, Trivy DS032: a pipe fed only by echo or printf is silent (nothing for pipefail to catch)',
  ],
  'unpinned-package': [
    'KICS npm_install_without_pinned_version, hadolint DL3016: npm install sax@latest fires (latest moves with every release)',
    'KICS npm_install_without_pinned_version: npm install git://…/cli.git without a #ref fires (as in hadolint DL3016)',
    'KICS apt_get_install_pin_version_not_defined: apt-get install -y -t python is silent (-t names a release, as in hadolint DL3008)',
    'hadolint DL3008 and the other pinning rules: one finding per package, on the package word, not one per RUN',
  ],
  'secret-build-arg': [
    'hadolint DL3064: a global ARG before the first FROM that no stage redeclares is silent (only FROM lines can read it; it reaches no RUN and no history)',
    'hadolint DL3064: ARG AWS_ACCESS_KEY_ID is silent (the key id names the key; the secret is AWS_SECRET_ACCESS_KEY, which fires)',
  ],
  'hardcoded-secret': [
    'hadolint DL3064, Trivy DS031: AWS_ACCESS_KEY_ID=… is silent, prefixed too (VITE_AWS_ACCESS_KEY_ID): the key id names the key, and AWS_SECRET_ACCESS_KEY=… fires',
  ],
  'package-index-update-alone': [
    'KICS update_instruction_alone: the finding sits on the RUN with the lone update (its lists go stale), where KICS reports the install that follows',
    'KICS update_instruction_alone: an update in a RUN that installs nothing fires even when no later RUN installs (apk update alone: its lists stay in the image for nothing)',
    'KICS update_instruction_alone: apt update && install nginx fires (install is not apt: the update installs nothing)',
  ],
  'missing-healthcheck': ['hadolint DL3057, Trivy DS026, KICS, Checkov CKV_DOCKER_2: a final stage that runs nothing (FROM scratch alone) is silent'],
};
