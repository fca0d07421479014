; function %sum_to(i64) -> i64 {
; block0(v0: i64):
;     v1 = iconst.i64 0
;     jump block1(v1, v0)
; block1(v2: i64, v3: i64):
;     v4 = icmp_imm eq v3, 0
;     brif v4, block3, block2
; block2:
;     v5 = iadd v2, v3
;     v6 = iadd_imm v3, -1
;     jump block1(v5, v6)
; block3:
;     return v2
; }
%sum_to:
   0: push rbp
   1: mov rbp,rsp
   4: push r15
   6: sub rsp,0x8
   a: mov QWORD PTR [rbp-0x10],rdi
   e: mov rdi,QWORD PTR [rip+0x2cb] # 0x2e0
  15: call QWORD PTR [rip+0x2cd] # 0x2e8
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
  41: cmp rsp,r15
  44: jb 0x67
  4a: xor eax,eax
  4c: test rdi,rdi
  4f: je 0x62
  55: lea rax,[rax+rdi*1]
  59: lea rcx,[rdi-0x1]
  5d: mov rdi,rcx
  60: jmp 0x4c
  62: mov rsp,rbp
  65: pop rbp
  66: ret
  67: mov eax,0x7
  6c: jmp 0x294

; function %classify(i32) -> i64 {
; block0(v0: i32):
;     br_table v0, block4, [block1, block2, block3]
; block1:
;     v1 = iconst.i64 10
;     return v1
; block2:
;     v2 = iconst.i64 20
;     return v2
; block3:
;     v3 = iconst.i64 30
;     return v3
; block4:
;     v4 = iconst.i64 -1
;     return v4
; }
%classify:
  80: push rbp
  81: mov rbp,rsp
  84: push r15
  86: sub rsp,0x8
  8a: mov QWORD PTR [rbp-0x10],rdi
  8e: mov rdi,QWORD PTR [rip+0x24b] # 0x2e0
  95: call QWORD PTR [rip+0x24d] # 0x2e8
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
  c1: cmp rsp,r15
  c4: jb 0x12a
  ca: mov eax,edi
  cc: cmp rax,0x3
  d2: jae 0x11e
  d8: lea r11,[rip+0x9] # 0xe8
  df: lea r11,[r11+rax*8]
  e3: jmp r11
  e6: xchg ax,ax
  e8: jmp 0x100
  ed: nop DWORD PTR [rax]
  f0: jmp 0x10a
  f5: nop DWORD PTR [rax]
  f8: jmp 0x114
  fd: nop DWORD PTR [rax]
 100: mov eax,0xa
 105: mov rsp,rbp
 108: pop rbp
 109: ret
 10a: mov eax,0x14
 10f: mov rsp,rbp
 112: pop rbp
 113: ret
 114: mov eax,0x1e
 119: mov rsp,rbp
 11c: pop rbp
 11d: ret
 11e: mov rax,0xffffffffffffffff
 125: mov rsp,rbp
 128: pop rbp
 129: ret
 12a: mov eax,0x7
 12f: jmp 0x294

; function %check(i64) -> i64 {
; block0(v0: i64):
;     v1 = icmp_imm ult v0, 10
;     brif v1, block1, block2
; block1:
;     return v0
; block2:
;     trap user7
; }
%check:
 140: push rbp
 141: mov rbp,rsp
 144: push r15
 146: sub rsp,0x8
 14a: mov QWORD PTR [rbp-0x10],rdi
 14e: mov rdi,QWORD PTR [rip+0x18b] # 0x2e0
 155: call QWORD PTR [rip+0x18d] # 0x2e8
 15b: xor r15d,r15d
 15e: test rax,rax
 161: je 0x16b
 167: mov r15,QWORD PTR [rax+0x10]
 16b: mov rdi,QWORD PTR [rbp-0x10]
 16f: call 0x17d
 174: mov r15,QWORD PTR [rbp-0x8]
 178: mov rsp,rbp
 17b: pop rbp
 17c: ret
 17d: push rbp
 17e: mov rbp,rsp
 181: cmp rsp,r15
 184: jb 0x1a1
 18a: cmp rdi,0xa
 18e: jae 0x19c
 194: mov rax,rdi
 197: mov rsp,rbp
 19a: pop rbp
 19b: ret
 19c: jmp 0x1ab
 1a1: mov eax,0x7
 1a6: jmp 0x294
 1ab: mov eax,0x17
 1b0: jmp 0x294

