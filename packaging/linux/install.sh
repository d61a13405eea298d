#!/usr/bin/env bash
# Install Studio @VERSION@ for the current user: no root, no network, no Python needed.
#
#   ./install.sh [--prefix DIR] [--bin-dir DIR] [--no-menu] [--force]
#
# Copies this folder to <prefix>/studio-@VERSION@ (default ~/.local/opt), links `studio` and
# `studio-cli` into <bin-dir> (default ~/.local/bin), and adds the menu entry and the icon under
# ${XDG_DATA_HOME:-~/.local/share}. Everything it makes outside the copied folder is listed in
# <prefix>/studio-@VERSION@/.install-manifest, which uninstall.sh reads to remove exactly that.
set -euo pipefail

main() {
  local version=@VERSION@ app=studio
  local here prefix bin_dir data_home menu=1 force=0
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
  prefix=$HOME/.local/opt
  bin_dir=$HOME/.local/bin
  data_home=${XDG_DATA_HOME:-$HOME/.local/share}

  while [ $# -gt 0 ]; do
    case $1 in
      --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
      --bin-dir) bin_dir=${2:?--bin-dir needs a folder}; shift 2 ;;
      --no-menu) menu=0; shift ;;
      --force) force=1; shift ;;
      -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; return 0 ;;
      *) echo "install.sh: unknown option $1 (see --help)" >&2; return 2 ;;
    esac
  done
  case $prefix in /*) ;; *) prefix=$PWD/$prefix ;; esac
  case $bin_dir in /*) ;; *) bin_dir=$PWD/$bin_dir ;; esac
  [ -d "$prefix" ] && prefix=$(cd "$prefix" && pwd -P)  # links and manifest use real paths
  local target=$prefix/$app-$version
  case $target in
    *'"'*|*'$'*|*'`'*|*'\'*|*$'\n'*)
      echo "install.sh: the folder $target contains characters a menu entry cannot hold" >&2
      return 2 ;;
  esac

  if [ ! -x "$here/studio" ] || [ ! -x "$here/studio-cli" ] || [ ! -d "$here/_internal" ]; then
    echo "install.sh: run me from the unpacked studio-$version folder (studio, studio-cli, _internal)" >&2
    return 1
  fi

  # The launchers' names must be free, or ours (any version), unless --force.
  local name link old_target old_targets=()
  for name in studio studio-cli; do
    link=$bin_dir/$name
    if [ -L "$link" ]; then
      old_target=$(readlink "$link")
      case $old_target in
        "$prefix"/$app-*/"$name")
          old_target=${old_target%/"$name"}
          [ "$old_target" != "$target" ] && old_targets+=("$old_target") ;;
        *) if [ $force -eq 0 ]; then
             echo "install.sh: $link already points to $old_target (not Studio); --force replaces it" >&2
             return 1
           fi ;;
      esac
    elif [ -e "$link" ] && [ $force -eq 0 ]; then
      echo "install.sh: $link exists and is not ours (a pip install?); remove it or use --force" >&2
      return 1
    fi
  done

  # Another version installed the same way: uninstall it first (its data is never touched).
  local old
  for old in $(printf '%s\n' "${old_targets[@]+"${old_targets[@]}"}" | sort -u); do
    if [ -x "$old/uninstall.sh" ] && [ -f "$old/.install-manifest" ]; then
      echo "Replacing $(basename "$old") ..."
      "$old/uninstall.sh" --quiet
    fi
  done
  # The same version again: start from a clean copy.
  if [ "$here" != "$target" ] && [ -f "$target/.install-manifest" ] && [ -x "$target/uninstall.sh" ]; then
    "$target/uninstall.sh" --quiet
  fi

  # -- Copy the program -------------------------------------------------------------------------
  local created_dirs=()
  ensure_dir() {  # mkdir -p, remembering each folder it had to create (outermost first)
    local path=$1 missing=()
    while [ ! -d "$path" ]; do missing=("$path" "${missing[@]+"${missing[@]}"}"); path=$(dirname "$path"); done
    local dir
    for dir in "${missing[@]+"${missing[@]}"}"; do mkdir "$dir"; created_dirs+=("$dir"); done
  }

  ensure_dir "$prefix"
  prefix=$(cd "$prefix" && pwd -P)
  target=$prefix/$app-$version
  if [ "$here" != "$target" ]; then
    if [ -e "$target" ]; then
      echo "install.sh: $target exists but was not installed by install.sh; move it away first" >&2
      return 1
    fi
    local partial=$target.partial.$$
    rm -rf "$partial"
    mkdir "$partial"
    cp -a "$here/." "$partial/"
    rm -f "$partial/.install-manifest"
    mv "$partial" "$target"
  fi
  local manifest=$target/.install-manifest
  : >"$manifest"
  record() { printf '%s\t%s\t%s\n' "$1" "$2" "${3:-}" >>"$manifest"; }
  local dir
  for dir in "${created_dirs[@]+"${created_dirs[@]}"}"; do record dir "$dir"; done
  created_dirs=()

  # -- Launchers on PATH ------------------------------------------------------------------------
  ensure_dir "$bin_dir"
  for name in studio studio-cli; do
    ln -sfn "$target/$name" "$bin_dir/$name"
  done
  for dir in "${created_dirs[@]+"${created_dirs[@]}"}"; do record dir "$dir"; done
  created_dirs=()
  for name in studio studio-cli; do record link "$bin_dir/$name"; done

  # -- Menu entry and icons -----------------------------------------------------------------------
  local file
  install_file() {  # install_file SOURCE DEST: copy, remember it with its checksum
    ensure_dir "$(dirname "$2")"
    local made
    for made in "${created_dirs[@]+"${created_dirs[@]}"}"; do record dir "$made"; done
    created_dirs=()
    cp "$1" "$2"
    chmod 644 "$2"
    record file "$2" "$(sha256sum "$2" | cut -d' ' -f1)"
  }
  if [ $menu -eq 1 ]; then
    local desktop=$target/share/applications/$app.desktop.installed
    sed -e "s|^Exec=.*|Exec=\"$target/studio\"|" -e "s|^TryExec=.*|TryExec=$target/studio|" \
      "$target/share/applications/$app.desktop" >"$desktop"
    install_file "$desktop" "$data_home/applications/$app.desktop"
    for file in "$target"/share/icons/hicolor/*/apps/$app.*; do
      install_file "$file" "$data_home/icons/hicolor/${file#"$target"/share/icons/hicolor/}"
    done
    # Icon caches and menus notice the change by the folders' times; no cache file is written.
    touch "$data_home/icons/hicolor" 2>/dev/null || true
  fi

  echo "Installed Studio $version in $target"
  echo "  launchers:  $bin_dir/studio, $bin_dir/studio-cli"
  [ $menu -eq 1 ] && echo "  menu entry: $data_home/applications/$app.desktop"
  echo "  uninstall:  $target/uninstall.sh"
  case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) echo
       echo "Note: $bin_dir is not on your PATH. Add it (e.g. in ~/.profile):"
       echo "  export PATH=\"$bin_dir:\$PATH\""
       echo "or start the studio as $target/studio." ;;
  esac
  echo
  echo "Start it from the application menu (Studio), or: studio --demo   (no account needed)"
}

main "$@"
exit $?
