#!/usr/bin/env bash
# Uninstall Studio @VERSION@ for the current user: removes exactly what install.sh made (the
# program folder, the launcher links, the menu entry and icons, folders it created that are now
# empty) and never the user's history, images, settings or keys.
#
#   uninstall.sh [--prefix DIR] [--quiet]
#
# Run it from the installed folder (<prefix>/studio-@VERSION@/uninstall.sh) or from the unpacked
# bundle (then it looks in --prefix, default ~/.local/opt).
set -euo pipefail

main() {  # the whole script is read before it runs, so removing its own folder is safe
  local version=@VERSION@ app=studio
  local here prefix quiet=0
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
  prefix=$HOME/.local/opt
  while [ $# -gt 0 ]; do
    case $1 in
      --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
      --quiet) quiet=1; shift ;;
      -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; return 0 ;;
      *) echo "uninstall.sh: unknown option $1 (see --help)" >&2; return 2 ;;
    esac
  done

  local target
  if [ -f "$here/.install-manifest" ]; then
    target=$here
  else
    [ -d "$prefix" ] && prefix=$(cd "$prefix" && pwd -P)
    target=$prefix/$app-$version
  fi
  local manifest=$target/.install-manifest
  if [ ! -f "$manifest" ]; then
    echo "uninstall.sh: Studio $version is not installed in $target (no .install-manifest)" >&2
    return 1
  fi
  case $(basename "$target") in
    "$app"-*) ;;
    *) echo "uninstall.sh: refusing to remove $target (not a studio-<version> folder)" >&2; return 1 ;;
  esac

  local kind path extra dirs=() kept=()
  while IFS=$'\t' read -r kind path extra; do
    [ -n "$path" ] || continue
    case $kind in
      link)
        if [ -L "$path" ]; then
          case $(readlink "$path") in
            "$target"/*) rm -f "$path" ;;
            *) kept+=("$path (now points elsewhere)") ;;
          esac
        fi ;;
      file)
        if [ -f "$path" ]; then
          if [ "$(sha256sum "$path" | cut -d' ' -f1)" = "$extra" ]; then
            rm -f "$path"
          else
            kept+=("$path (changed since install)")
          fi
        fi ;;
      dir) dirs+=("$path") ;;
    esac
  done <"$manifest"

  rm -rf -- "$target"

  # Folders install.sh created, innermost first, if nothing else lives in them now.
  local index
  for ((index = ${#dirs[@]} - 1; index >= 0; index--)); do
    rmdir -- "${dirs[index]}" 2>/dev/null || true
  done
  touch "${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor" 2>/dev/null || true

  [ $quiet -eq 1 ] && return 0
  echo "Removed Studio $version ($target)."
  local item
  for item in "${kept[@]+"${kept[@]}"}"; do echo "  kept $item"; done
  echo
  echo "Your own files were left where they are:"
  local data=${XDG_DATA_HOME:-$HOME/.local/share}/studio
  local config=${XDG_CONFIG_HOME:-$HOME/.config}/studio
  local cache=${XDG_CACHE_HOME:-$HOME/.cache}/studio
  local state=${XDG_STATE_HOME:-$HOME/.local/state}/studio
  echo "  history and images:      $data$([ -d "$data" ] || echo ' (none)')"
  echo "  settings and relays:     $config$([ -d "$config" ] || echo ' (none)')"
  echo "  thumbnails cache:        $cache$([ -d "$cache" ] || echo ' (none)')"
  echo "  logs:                    $state$([ -d "$state" ] || echo ' (none)')"
  echo "  API keys:                the system keyring (service \"studio\", one entry per relay)"
  echo "Delete those folders yourself to remove everything (and the keys with your keyring tool,"
  echo "e.g. Seahorse/\"Passwords and Keys\" or KWalletManager). Folders chosen with --data-dir or"
  echo "STUDIO_DATA_DIR are not listed here."
}

main "$@"
exit $?
