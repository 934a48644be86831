from cnaim_desk.cli import main

raise SystemExit(main())
