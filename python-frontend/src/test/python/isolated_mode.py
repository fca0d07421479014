# options: -I
import sys
print(sys.flags.isolated, sys.flags.ignore_environment, sys.flags.no_user_site, sys.path[0] != "")
