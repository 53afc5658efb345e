# Sourced by the go4j scripts that take options: checks an option's value the same way everywhere.

go4j_positive_number() { # <option> <value>: a usage error, exit 2, unless the value is a positive whole number
  [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "$1 needs a positive number, got '$2'" >&2; exit 2; }
}
