# Sourced by the project's scripts: makes a JDK 21+ the active one (Helidon 4 needs it),
# keeping $JAVA_HOME when it already is one. The machine's default java may be older.
_gw_java_version() { # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/javac" ] || return 0
  # A JDK's release file says it without starting a JVM, which took 120 ms of every launch of bin/gateway.
  local release
  release=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$1/release" 2>/dev/null)
  if [ -n "$release" ]; then
    case "$release" in 1.*) release=${release#1.} ;; esac
    echo "${release%%[!0-9]*}"
    return 0
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
_gw_pick_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] || continue
    version=$(_gw_java_version "$candidate")
    if [ -n "$version" ] && [ "$version" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
if _gw_jdk=$(_gw_pick_jdk); then
  export JAVA_HOME="$_gw_jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "No JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm). Install one, e.g. Temurin 25." >&2
  return 1 2>/dev/null || exit 1
fi
unset _gw_jdk
