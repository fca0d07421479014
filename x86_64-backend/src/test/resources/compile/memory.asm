; function %slot_roundtrip(i64) -> i64 {
;     ss0 = stack_slot 16, align 8
; block0(v0: i64):
;     v1 = stack_addr ss0+0
;     store v0, v1+8
;     v2 = load.i64 v1+8
;     v3 = iadd_imm v2, 1
;     return v3
; }
%slot_roundtrip:
   0: push rbp
   1: mov rbp,rsp
   4: push r15
   6: sub rsp,0x8
   a: mov QWORD PTR [rbp-0x10],rdi
   e: mov rdi,QWORD PTR [rip+0x27b] # 0x290
  15: call QWORD PTR [rip+0x27d] # 0x298
  1b: xor r15d,r15d
  1e: test rax,rax
  21: je 0x2b
  27: mov r15,QWORD PTR [rax+0x10]
  2b: mov rdi,QWORD PTR [rbp-0x10]
  2f: call 0x3d
  34: mov r15,QWORD PTR [rbp-0x8]
  38: mov rsp,rbp
  3b: pop rbp
  3c: ret
  3d: push rbp
  3e: mov rbp,rsp
  41: lea r11,[rsp-0x10]
  46: cmp r11,r15
  49: jb 0x74
  4f: sub rsp,0x10
  53: mov QWORD PTR [rbp-0x10],0x0
  5b: mov QWORD PTR [rbp-0x8],0x0
  63: mov QWORD PTR [rbp-0x8],rdi
  67: mov rax,QWORD PTR [rbp-0x8]
  6b: lea rax,[rax+0x1]
  6f: mov rsp,rbp
  72: pop rbp
  73: ret
  74: mov eax,0x7
  79: jmp 0x244

; function %field(i64) -> i32 {
;     ss0 = stack_slot 8, align 8
; block0(v0: i64):
;     v1 = stack_addr ss0+0
;     store v0, v1+0
;     v2 = iadd_imm v1, 4
;     v3 = load.i32 v2+0
;     return v3
; }
%field:
  80: push rbp
  81: mov rbp,rsp
  84: push r15
  86: sub rsp,0x8
  8a: mov QWORD PTR [rbp-0x10],rdi
  8e: mov rdi,QWORD PTR [rip+0x1fb] # 0x290
  95: call QWORD PTR [rip+0x1fd] # 0x298
  9b: xor r15d,r15d
  9e: test rax,rax
  a1: je 0xab
  a7: mov r15,QWORD PTR [rax+0x10]
  ab: mov rdi,QWORD PTR [rbp-0x10]
  af: call 0xbd
  b4: mov r15,QWORD PTR [rbp-0x8]
  b8: mov rsp,rbp
  bb: pop rbp
  bc: ret
  bd: push rbp
  be: mov rbp,rsp
  c1: lea r11,[rsp-0x10]
  c6: cmp r11,r15
  c9: jb 0xee
  cf: sub rsp,0x10
  d3: mov QWORD PTR [rbp-0x8],0x0
  db: lea rax,[rbp-0x8]
  df: mov QWORD PTR [rbp-0x8],rdi
  e3: mov eax,DWORD PTR [rax+0x4]
  e6: movsxd rax,eax
  e9: mov rsp,rbp
  ec: pop rbp
  ed: ret
  ee: mov eax,0x7
  f3: jmp 0x244

; function %store_imm() -> i16 {
;     ss0 = stack_slot 2, align 2
; block0:
;     v0 = stack_addr ss0+0
;     v1 = iconst.i16 -2
;     store v1, v0+0
;     v2 = load.i16 v0+0
;     return v2
; }
%store_imm:
 100: push rbp
 101: mov rbp,rsp
 104: push r15
 106: sub rsp,0x8
 10a: mov rdi,QWORD PTR [rip+0x17f] # 0x290
 111: call QWORD PTR [rip+0x181] # 0x298
 117: xor r15d,r15d
 11a: test rax,rax
 11d: je 0x127
 123: mov r15,QWORD PTR [rax+0x10]
 127: call 0x135
 12c: mov r15,QWORD PTR [rbp-0x8]
 130: mov rsp,rbp
 133: pop rbp
 134: ret
 135: push rbp
 136: mov rbp,rsp
 139: lea r11,[rsp-0x10]
 13e: cmp r11,r15
 141: jb 0x166
 147: sub rsp,0x10
 14b: mov QWORD PTR [rbp-0x8],0x0
 153: mov WORD PTR [rbp-0x2],0xfffe
 159: movsx eax,WORD PTR [rbp-0x2]
 15d: movsx rax,ax
 161: mov rsp,rbp
 164: pop rbp
 165: ret
 166: mov eax,0x7
 16b: jmp 0x244

