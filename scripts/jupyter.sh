# Sourced by the go4j scripts: finds Jupyter and the Python it runs on.

go4j_jupyter_python() { # prints the Python that runs `jupyter` and has nbclient; fails if there is none
  local jupyter first candidates=() py
  jupyter=$(command -v jupyter 2>/dev/null) || return 1
  first=$(sed -n '1s/^#! *//p' "$jupyter")
  case "$first" in
    */env\ *) candidates+=("$(command -v "${first##* }" 2>/dev/null)") ;; # "#!/usr/bin/env python3"
    ?*) candidates+=("${first%% *}") ;;
  esac
  candidates+=("$(command -v python3 2>/dev/null)" /usr/bin/python3)
  for py in "${candidates[@]}"; do
    [ -n "$py" ] && [ -x "$py" ] && "$py" -c 'import nbclient, nbformat, jupyter_client' 2>/dev/null \
      && { echo "$py"; return 0; }
  done
  return 1
}

go4j_jupyter_ready() { # whether the notebook server, nbconvert and nbclient are all there
  command -v jupyter >/dev/null 2>&1 \
    && jupyter notebook --version >/dev/null 2>&1 \
    && jupyter nbconvert --version >/dev/null 2>&1 \
    && go4j_jupyter_python >/dev/null
}
