#!/usr/bin/env bash
# Shared by the scripts/ensure-*.sh helpers: installs one Debian package with apt-get, as root or through sudo.
# Usage (sourced): apt_install <who-is-asking> <package> <what-is-missing>
apt_install() {
  local who="$1" package="$2" missing="$3" sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo_cmd="sudo"
    else
      echo "$who: $missing is missing and this user cannot run apt-get (not root, no sudo)" >&2
      return 1
    fi
  fi
  echo "$who: installing $package with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update
  $sudo_cmd apt-get install -y "$package"
}
